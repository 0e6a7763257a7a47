package io.pusherj.core.strategy;

import io.pusherj.core.connection.HandshakeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs all strategies in parallel (pusher-js {@code best_connected_ever_strategy.ts}). When one produces
 * a handshake, the others are forced to at least its transport priority; it fails only when every child
 * has failed.
 */
public final class BestConnectedEverStrategy implements Strategy {
    private final List<Strategy> strategies;

    /** Creates the race. */
    public BestConnectedEverStrategy(List<Strategy> strategies) {
        this.strategies = List.copyOf(strategies);
    }

    @Override
    public boolean isSupported() {
        return strategies.stream().anyMatch(Strategy::isSupported);
    }

    @Override
    public StrategyRunner connect(int minPriority, StrategyCallback callback) {
        List<StrategyRunner> runners = new ArrayList<>(strategies.size());
        boolean[] failed = new boolean[strategies.size()];
        boolean[] aborted = new boolean[strategies.size()];
        for (int i = 0; i < strategies.size(); i++) {
            int index = i;
            runners.add(strategies.get(i).connect(minPriority, new StrategyCallback() {
                @Override
                public void onFailure() {
                    failed[index] = true;
                    for (boolean f : failed) {
                        if (!f) {
                            return;
                        }
                    }
                    callback.onFailure();
                }

                @Override
                public void onHandshake(HandshakeResult result) {
                    failed[index] = false;
                    for (StrategyRunner r : runners) {
                        r.forceMinPriority(result.priority());
                    }
                    callback.onHandshake(result);
                }
            }));
        }
        return new StrategyRunner() {
            @Override
            public void abort() {
                for (int i = 0; i < runners.size(); i++) {
                    if (!failed[i] && !aborted[i]) {
                        aborted[i] = true;
                        runners.get(i).abort();
                    }
                }
            }

            @Override
            public void forceMinPriority(int p) {
                runners.forEach(r -> r.forceMinPriority(p));
            }

            @Override
            public void retryNow() {
                runners.forEach(StrategyRunner::retryNow);
            }
        };
    }
}
