package io.pusherj.core;

import io.pusherj.api.Binding;
import io.pusherj.core.runtime.LazyField;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Listeners by event name (pusher-js's dispatcher callbacks): bound and unbound from any thread, looked up
 * on the strand for every event.
 *
 * <p>The map is made by the first binding and starts small. A client has four of these (its own, its
 * user's events and watchlist, and each channel's), most of them never bound; an empty concurrent map is
 * 64 bytes and its first table 80 more, a tenth of an idle client's own heap (BENCHMARKS.md).
 *
 * @param <T> the listener type
 */
final class NamedListeners<T> {
    private static final int FIRST_CAPACITY = 4;
    private static final LazyField<NamedListeners<?>, Map<?, ?>> BY_NAME =
            LazyField.of(MethodHandles.lookup(), "byName", Map.class);

    private volatile Map<String, Listeners<T>> byName;

    /** Adds a listener of {@code eventName}; the binding removes exactly this registration. */
    Binding add(String eventName, T listener) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(listener, "listener");
        return addTo(eventName, l -> l.add(listener));
    }

    /** {@return the listeners of {@code eventName}, or null when none was ever bound} */
    Listeners<T> get(String eventName) {
        Map<String, Listeners<T>> m = byName;
        return m == null ? null : m.get(eventName);
    }

    /** Adds a stream subscriber's listener of {@code eventName}, which {@link #remove} and {@link #clear} keep. */
    Binding addForStream(String eventName, T listener) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(listener, "listener");
        return addTo(eventName, l -> l.addForStream(listener));
    }

    /**
     * Adds to the set of {@code eventName} inside the map's lock for that name, so an {@link #remove} or
     * {@link #clear} that drops an emptied set cannot drop it between finding it and adding to it.
     */
    private Binding addTo(String eventName, Function<Listeners<T>, Binding> add) {
        Binding[] added = new Binding[1];
        map().compute(eventName, (k, l) -> {
            Listeners<T> set = l != null ? l : new Listeners<>();
            added[0] = add.apply(set);
            return set;
        });
        return added[0];
    }

    /** Removes every listener of {@code eventName} (but streams', see {@link Listeners#clear()}). */
    void remove(String eventName) {
        Objects.requireNonNull(eventName, "eventName");
        Map<String, Listeners<T>> m = byName;
        if (m != null) {
            m.computeIfPresent(eventName, (k, l) -> emptied(l));
        }
    }

    /** Removes every listener (but streams'). */
    void clear() {
        Map<String, Listeners<T>> m = byName;
        if (m != null) {
            m.keySet().forEach(k -> m.computeIfPresent(k, (key, l) -> emptied(l)));
        }
    }

    /** Clears {@code l}; {@return null, to drop it from the map, unless a stream's listener remains} */
    private static <T> Listeners<T> emptied(Listeners<T> l) {
        l.clear();
        return l.isEmpty() ? null : l;
    }

    private Map<String, Listeners<T>> map() {
        @SuppressWarnings("unchecked") // the field holds Map<String, Listeners<T>> of this object's T
        Map<String, Listeners<T>> m =
                (Map<String, Listeners<T>>) BY_NAME.get(this, () -> new ConcurrentHashMap<>(FIRST_CAPACITY));
        return m;
    }
}
