package io.pusherj.core.strategy;

/** A running strategy. */
public interface StrategyRunner {
    /** A runner that does nothing, for attempts that failed at once. */
    StrategyRunner NONE = new StrategyRunner() {
        @Override
        public void abort() {}

        @Override
        public void forceMinPriority(int priority) {}

        @Override
        public void retryNow() {}
    };

    /** Stops every attempt that has not connected; no callback follows. */
    void abort();

    /** Closes attempts whose transport priority is below {@code priority}. */
    void forceMinPriority(int priority);

    /**
     * The application asked to connect: a retry waiting out a backoff starts now (attempts under way go
     * on). Does nothing on pusher-js's timing, which has no such waits.
     */
    void retryNow();
}
