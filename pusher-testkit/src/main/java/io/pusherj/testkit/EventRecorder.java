package io.pusherj.testkit;

import io.pusherj.api.EventListener;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.internal.RecordedList;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link EventListener} that records events and lets a test wait for them with a deadline.
 *
 * <pre>{@code
 * EventRecorder events = new EventRecorder();
 * pusher.subscribe("news").bind("story", events);
 * events.await(1, Duration.ofSeconds(5));
 * }</pre>
 */
public final class EventRecorder implements EventListener {
    private final RecordedList<PusherEvent> events = new RecordedList<>();

    /** Creates an empty recorder. */
    public EventRecorder() {}

    @Override
    public void onEvent(PusherEvent event) {
        events.add(event);
    }

    /** {@return every event so far, in order of delivery} */
    public List<PusherEvent> events() {
        return events.snapshot();
    }

    /**
     * Waits until at least {@code count} events were recorded; returns all recorded.
     *
     * @param count how many events
     * @param timeout how long to wait
     * @return the events
     */
    public List<PusherEvent> await(int count, Duration timeout) {
        events.await(e -> true, count, timeout, "events");
        return events.snapshot();
    }

    /**
     * Waits for an event named {@code eventName} and returns the first one.
     *
     * @param eventName the event name
     * @param timeout how long to wait
     * @return the first such event
     */
    public PusherEvent awaitEvent(String eventName, Duration timeout) {
        return events.await(e -> e.eventName().equals(eventName), 1, timeout, "event " + eventName)
                .get(0);
    }

    /**
     * Waits for {@code count} events matching {@code filter}; returns them.
     *
     * @param filter which events count
     * @param count how many events
     * @param timeout how long to wait
     * @return the events
     */
    public List<PusherEvent> await(Predicate<PusherEvent> filter, int count, Duration timeout) {
        return events.await(filter, count, timeout, "matching events");
    }
}
