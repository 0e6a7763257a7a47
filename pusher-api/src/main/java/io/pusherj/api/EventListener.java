package io.pusherj.api;

/**
 * Receives events of a channel, or all events of a client when bound globally.
 *
 * <p>Threading: a client delivers to its listeners one event at a time, in the order received, on its
 * own serial strand (or on the callback executor given in {@link PusherOptions}). The strand runs on the
 * transport's I/O thread while the client keeps up with its frames, else on a thread of pusherj's small
 * shared pool, so a listener must not block for long: it delays every later event of the same client and
 * holds a thread other clients share. Give a {@code callbackExecutor} for slow work. Exceptions thrown by
 * a listener are caught, reported as a {@link ConnectionError.Type#LISTENER_ERROR} error, and do not stop
 * delivery.
 */
@FunctionalInterface
public interface EventListener {
    /**
     * Called for each event.
     *
     * @param event the event, never {@code null}
     */
    void onEvent(PusherEvent event);
}
