package io.pusherj.api.spi;

/**
 * The clock and timer behind every timeout of a client (activity, pong, unavailable, retry, strategy
 * timeouts). The default is one shared timer thread for all clients; tests pass a virtual-time
 * implementation ({@code io.pusherj.testkit.VirtualScheduler}) to step time by hand.
 *
 * <p>Tasks must be cheap: the client only uses them to hand work to its own strand.
 */
public interface Scheduler {
    /** {@return the current time in milliseconds (wall-clock by default; virtual in tests)} */
    long nowMillis();

    /**
     * Runs {@code task} once after {@code delayMillis}.
     *
     * @param task what to run, on the scheduler's thread
     * @param delayMillis the delay, zero or more
     * @return a handle to cancel the task
     */
    Cancellable schedule(Runnable task, long delayMillis);
}
