package io.pusherj.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How reconnecting slows down when it keeps failing. The first failure after a connection that lived is
 * answered as pusher-js answers it (a 4200 close reconnects at once, a dropped connection or 4100 waits
 * about a second, 4000 switches to TLS). The n-th failure in a row (n ≥ 2) waits
 * {@code initial × multiplier^(n-2)}, at most {@code max}, and every wait longer than zero is then spread
 * uniformly by ± {@code jitter} (so a wait of {@code max} lasts up to {@code max × (1 + jitter)}), so that
 * clients that lost the same server come back at different times. A connection that stays up for 10 s
 * starts the count again.
 *
 * <p>The defaults follow the gRPC connection-backoff specification (1 s, 1.6, ± 20 %), with the cap at
 * pusher-js's own longest retry loop (60 s) instead of gRPC's 120 s: a realtime client that was away for
 * a long outage should not wait longer than pusher-js would to come back. The same schedule paces the
 * transport attempts inside a connection attempt, so a server that is back is found within a few
 * seconds instead of after pusher-js's fixed 15 s loop. docs/decisions.md explains the numbers.
 *
 * @param initial the wait after the second failure in a row, from 1 ms to {@code max}
 * @param multiplier how much each further failure multiplies the wait, at least 1
 * @param jitter the spread, a fraction of the wait from 0 (none) up to, not including, 1
 * @param max the longest wait before jitter, from {@code initial} to one day
 */
public record ReconnectBackoff(Duration initial, double multiplier, double jitter, Duration max) {
    /** The longest {@code max} accepted: a client that waits longer than this is not reconnecting. */
    public static final Duration MAX_WAIT = Duration.ofDays(1);

    /** The defaults: 1 s, × 1.6, ± 20 %, at most 60 s (declared after MAX_WAIT, which its check reads). */
    public static final ReconnectBackoff DEFAULT =
            new ReconnectBackoff(Duration.ofSeconds(1), 1.6, 0.2, Duration.ofSeconds(60));

    /**
     * Validates the components.
     *
     * @param initial the wait after the second failure in a row, at least 1 ms
     * @param multiplier at least 1 (and finite)
     * @param jitter from 0 up to, not including, 1: a spread of 1 could shorten a wait to nothing
     * @param max from {@code initial} to {@link #MAX_WAIT}
     * @throws NullPointerException if a duration is null
     * @throws IllegalArgumentException if a component is out of range
     */
    public ReconnectBackoff {
        Objects.requireNonNull(max, "max");
        Durations.atLeastOneMilli("initial", initial);
        if (!(multiplier >= 1 && multiplier < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("multiplier must be at least 1 and finite, got " + multiplier);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be from 0 up to (not including) 1, got " + jitter);
        }
        if (max.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("max must be at most " + MAX_WAIT + ", got " + max);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must be at least initial, got " + max + " < " + initial);
        }
    }
}
