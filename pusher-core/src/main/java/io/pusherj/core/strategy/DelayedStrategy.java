package io.pusherj.core.strategy;

import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.core.runtime.Timer;

/** Starts a strategy after a delay (pusher-js {@code delayed_strategy.ts}). */
public final class DelayedStrategy implements Strategy {
    private final Strategy strategy;
    private final long delayMillis;
    private final ClientLoop loop;

    /** Creates the strategy. */
    public DelayedStrategy(Strategy strategy, long delayMillis, ClientLoop loop) {
        this.strategy = strategy;
        this.delayMillis = delayMillis;
        this.loop = loop;
    }

    @Override
    public boolean isSupported() {
        return strategy.isSupported();
    }

    @Override
    public StrategyRunner connect(int minPriority, StrategyCallback callback) {
        return new StrategyRunner() {
            private int min = minPriority;
            private StrategyRunner runner;
            private final Timer timer = loop.start(delayMillis, () -> runner = strategy.connect(min, callback));

            @Override
            public void abort() {
                timer.cancel();
                if (runner != null) {
                    runner.abort();
                }
            }

            @Override
            public void forceMinPriority(int p) {
                min = p;
                if (runner != null) {
                    runner.forceMinPriority(p);
                }
            }

            @Override
            public void retryNow() {
                if (runner != null) {
                    runner.retryNow(); // not started yet: its delay is pusher-js's order of transports, not a backoff
                }
            }
        };
    }
}
