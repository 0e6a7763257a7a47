package io.pusherj.core.strategy;

import io.pusherj.core.connection.HandshakeResult;

/** On the first handshake, aborts every other attempt (pusher-js {@code first_connected_strategy.ts}). */
public final class FirstConnectedStrategy implements Strategy {
    private final Strategy strategy;

    /** Wraps {@code strategy}. */
    public FirstConnectedStrategy(Strategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public boolean isSupported() {
        return strategy.isSupported();
    }

    @Override
    public StrategyRunner connect(int minPriority, StrategyCallback callback) {
        StrategyRunner[] runner = new StrategyRunner[1];
        runner[0] = strategy.connect(minPriority, new StrategyCallback() {
            @Override
            public void onFailure() {
                callback.onFailure();
            }

            @Override
            public void onHandshake(HandshakeResult result) {
                if (runner[0] != null) {
                    runner[0].abort();
                }
                callback.onHandshake(result);
            }
        });
        return runner[0];
    }
}
