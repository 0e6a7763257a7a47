package io.pusherj.core.strategy;

/**
 * A way of obtaining a connection (pusher-js {@code core/strategies/strategy.ts}). Strategies run on the
 * client's strand and compose: sequential loops, parallel races, delays, branches.
 */
public interface Strategy {
    /** Whether this strategy can run at all (some transport in it is present and allowed). */
    boolean isSupported();

    /**
     * Starts connecting. The callback receives exactly one outcome unless the runner is aborted first.
     *
     * @param minPriority attempts with a lower transport priority fail at once
     * @param callback the outcome
     * @return a handle to abort or to raise the minimum priority
     */
    StrategyRunner connect(int minPriority, StrategyCallback callback);
}
