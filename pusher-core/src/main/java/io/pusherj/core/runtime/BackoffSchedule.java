package io.pusherj.core.runtime;

import io.pusherj.api.ReconnectBackoff;

/**
 * The arithmetic of a {@link ReconnectBackoff}: the wait after so many failures in a row, and the jitter.
 * One home for it, since the connection manager (waits between connection attempts) and the strategy's
 * retry loops (waits between transport attempts, jittered budgets) pace themselves alike.
 */
public final class BackoffSchedule {
    /** How long a connection must stay up for the failures before it to be forgiven (docs/decisions.md). */
    public static final long LIVED_MILLIS = 10_000;
    /**
     * The application's {@code connect()} makes a retry the backoff holds back at once, but not sooner than
     * this after the failure: an application calling {@code connect()} from its error listener still makes
     * at most one attempt a second.
     */
    public static final long CONNECT_FLOOR_MILLIS = 1_000;

    private final long initialMillis;
    private final double multiplier;
    private final double jitter;
    private final long maxMillis;

    /**
     * The schedule of {@code backoff}.
     *
     * @param backoff the validated options
     */
    public BackoffSchedule(ReconnectBackoff backoff) {
        this.initialMillis = backoff.initial().toMillis();
        this.multiplier = backoff.multiplier();
        this.jitter = backoff.jitter();
        this.maxMillis = backoff.max().toMillis();
    }

    /**
     * The wait before the next attempt after {@code failuresInARow} failures, before jitter: 0 after the
     * first (the close code's own reaction decides), then {@code initial × multiplier^(n-2)}, at most max.
     *
     * @param failuresInARow how many attempts failed in a row, counting the last one
     * @return milliseconds
     */
    public long delayMillis(int failuresInARow) {
        if (failuresInARow <= 1) {
            return 0;
        }
        double d = initialMillis * Math.pow(multiplier, failuresInARow - 2); // Infinity is capped below
        return (long) Math.min(d, maxMillis);
    }

    /**
     * Spreads a wait uniformly by ± jitter; a wait longer than zero stays at least 1 ms, so it never
     * becomes "at once" (for a budget: "no budget").
     *
     * @param millis the wait
     * @param random a value from 0 (inclusive) to 1 (exclusive)
     * @return the wait moved by up to {@code jitter × millis} either way
     */
    public long jittered(long millis, double random) {
        if (millis <= 0) {
            return millis;
        }
        return Math.max(1, Math.round(millis * (1 + jitter * (2 * random - 1))));
    }
}
