package io.pusherj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pusherj.api.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Listeners by event name, whose map is made by the first binding. */
class NamedListenersTest {
    private final NamedListeners<Consumer<String>> byName = new NamedListeners<>();
    private final List<String> heard = new ArrayList<>();

    private void deliver(String eventName, String data) {
        Listeners<Consumer<String>> l = byName.get(eventName);
        if (l != null) {
            l.forEach(c -> c.accept(data), e -> heard.add("failed: " + e));
        }
    }

    @Test
    void removingAndClearingBeforeAnyBindingDoNothingAndNothingIsHeard() {
        byName.remove("ev");
        byName.clear();
        assertNull(byName.get("ev"));
        deliver("ev", "x");
        assertEquals(List.of(), heard);
    }

    @Test
    void bindingsAfterTheFirstGoByNameAndEachBindingRemovesItsOwn() {
        Binding first = byName.add("ev", d -> heard.add("first " + d));
        byName.add("ev", d -> heard.add("second " + d));
        byName.add("other", d -> heard.add("other " + d));
        deliver("ev", "1");
        first.unbind();
        deliver("ev", "2");
        deliver("other", "3");
        byName.remove("ev");
        deliver("ev", "4");
        byName.clear();
        deliver("other", "5");
        assertEquals(List.of("first 1", "second 1", "second 2", "other 3"), heard);
    }
}
