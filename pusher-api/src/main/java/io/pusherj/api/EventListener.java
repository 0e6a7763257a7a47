package io.pusherj.api;

/**
 * Receives events of a channel, or all events of a client when bound globally.
 *
 * <p>Threading: a client delivers to its listeners one event at a time, in the order received, on its
 * own serial strand (or on the callback executor given in {@link PusherOptions}). The strand runs on the
 * transport's I/O thread while the client keeps up with its frames, else on a thread of pusherj's small
 * shared pool, so a listener must not block for long: it delays every later event of the same client and
 * holds a thread other clients share. Give a {@code callbackExecutor} for slow work.
 *
 * <p>A listener must never <em>wait</em> for something pusherj delivers (the next event, an auth result,
 * a future another listener completes): what it waits for needs the thread it holds, so it waits
 * forever, and the shared I/O thread it may run on (the HTTP fallbacks have one per runtime) stalls every
 * client with it. Hand such work to your own executor.
 *
 * <p>Anything a listener throws is caught, reported as a {@link ConnectionError.Type#LISTENER_ERROR}
 * error, and does not stop delivery to the other listeners or the client's own work: checked exceptions
 * thrown undeclared (Kotlin, {@code @SneakyThrows}) and errors such as {@code StackOverflowError}
 * included. Only an {@code OutOfMemoryError} or another fatal {@code VirtualMachineError} passes.
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
