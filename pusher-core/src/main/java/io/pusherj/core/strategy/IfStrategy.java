package io.pusherj.core.strategy;

import java.util.function.BooleanSupplier;

/** Chooses a branch each time it is used (pusher-js {@code if_strategy.ts}). */
public final class IfStrategy implements Strategy {
    private final BooleanSupplier test;
    private final Strategy trueBranch;
    private final Strategy falseBranch;

    /** Creates the branch. */
    public IfStrategy(BooleanSupplier test, Strategy trueBranch, Strategy falseBranch) {
        this.test = test;
        this.trueBranch = trueBranch;
        this.falseBranch = falseBranch;
    }

    private Strategy branch() {
        return test.getAsBoolean() ? trueBranch : falseBranch;
    }

    @Override
    public boolean isSupported() {
        return branch().isSupported();
    }

    @Override
    public StrategyRunner connect(int minPriority, StrategyCallback callback) {
        return branch().connect(minPriority, callback);
    }
}
