package io.pusherj.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How reconnecting slows down when it keeps failing. The first failure after a connection that lived is
 * answered as pusher-js answers it (a 4200 close reconnects at once, a dropped connection or 4100 waits
 * about a second, 4000 switches to TLS). Each further failure in a row waits at least
 * {@code initial × multiplier^(n-1)}, capped at {@code max}, spread by ± {@code jitter} so that clients
 * that lost the same server come back at different times. A connection that stays up for
 * {@link #LIVED} starts the count again.
 *
 * <p>The defaults follow the gRPC connection-backoff specification (1 s, 1.6, ± 20 %), with the cap at
 * pusher-js's own longest retry loop (60 s) instead of gRPC's 120 s: a realtime client that was away for
 * a long outage should not wait longer than pusher-js would to come back. The same schedule paces the
 * transport attempts inside a connection attempt, so a server that is back is found within a few
 * seconds instead of after pusher-js's fixed 15 s loop.
 *
 * @param initial the wait after the second failure in a row
 * @param multiplier how much each further failure multiplies the wait, at least 1
 * @param jitter the spread, a fraction of the wait from 0 (none) to 1
 * @param max the longest wait before jitter
 */
public record ReconnectBackoff(Duration initial, double multiplier, double jitter, Duration max) {
    /** The defaults: 1 s, × 1.6, ± 20 %, at most 60 s. */
    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofSeconds(1), 1.6, 0.2, Duration.ofSeconds(60));

    /** How long a connection must stay connected for the failures before it to be forgiven. */
    public static final Duration LIVED = Duration.ofSeconds(10);

    /**
     * Validates the components.
     *
     * @param initial the wait after the second failure in a row, at least 1 ms
     * @param multiplier at least 1
     * @param jitter from 0 to 1
     * @param max at least {@code initial}
     */
    public ReconnectBackoff {
        Durations.atLeastOneMilli("initial", initial);
        Objects.requireNonNull(max, "max");
        if (!(multiplier >= 1)) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be from 0 to 1, got " + jitter);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must be at least initial, got " + max + " < " + initial);
        }
    }

    /**
     * The wait before the next attempt after {@code failuresInARow} failures (1 for the first), before
     * jitter: 0 for the first, then {@code initial × multiplier^(n-2)}, capped at {@code max}.
     *
     * @param failuresInARow how many attempts failed in a row, counting the last one
     * @return the wait in milliseconds, before jitter
     */
    public long delayMillis(int failuresInARow) {
        if (failuresInARow <= 1) {
            return 0;
        }
        double d = initial.toMillis() * Math.pow(multiplier, failuresInARow - 2);
        return (long) Math.min(d, max.toMillis());
    }

    /**
     * Spreads a wait by ± {@link #jitter()}.
     *
     * @param millis the wait
     * @param random a value from 0 (inclusive) to 1 (exclusive)
     * @return the wait moved by up to {@code jitter × millis} either way
     */
    public long jittered(long millis, double random) {
        return Math.round(millis * (1 + jitter * (2 * random - 1)));
    }
}
