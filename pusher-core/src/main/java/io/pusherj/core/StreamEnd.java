package io.pusherj.core;

import io.pusherj.api.Binding;
import io.pusherj.api.internal.ListenerPublisher;
import java.util.function.Consumer;

/**
 * The end of what a channel or a connection delivers (the channel unsubscribed, the client closed), which
 * completes the {@link java.util.concurrent.Flow.Publisher}s over its listeners. Completion is delivered
 * like an event, after everything delivered before the end.
 */
final class StreamEnd {
    private final Listeners<Runnable> waiting = new Listeners<>();
    private volatile boolean ended;

    /**
     * A publisher's source over a listener registration: {@code sink} completes at the end, at once if the
     * end has come already.
     *
     * @param sink the subscriber's sink
     * @param events the registration that delivers to {@code sink}
     * @return what removes both
     */
    Binding open(ListenerPublisher.Sink<?> sink, Binding events) {
        Binding end = waiting.add(sink::complete);
        if (ended) { // read after registering: end() either sees this sink or the sink sees the end
            sink.complete();
        }
        return () -> {
            events.unbind();
            end.unbind();
        };
    }

    /**
     * Ends the stream (strand): the open sinks complete through {@code deliver}, in order with events.
     *
     * @param deliver runs listener callbacks, as events are delivered
     * @param listenerFailed reports a subscriber that threw
     */
    void end(Consumer<Runnable> deliver, Consumer<Throwable> listenerFailed) {
        if (ended) {
            return;
        }
        ended = true;
        if (!waiting.isEmpty()) {
            deliver.accept(() -> waiting.forEach(Runnable::run, listenerFailed));
        }
    }
}
