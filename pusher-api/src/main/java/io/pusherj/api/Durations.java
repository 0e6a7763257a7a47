package io.pusherj.api;

import java.time.Duration;
import java.util.Objects;

/** Checks of the durations options take: pusherj's timers count whole milliseconds. */
final class Durations {
    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private Durations() {}

    /**
     * Returns {@code d} if it is at least one millisecond.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if it is shorter: zero, negative, or a fraction of a millisecond
     *         (which would become 0 ms, a timer that fires at once: a ping or a reconnect storm)
     */
    static Duration atLeastOneMilli(String option, Duration d) {
        Objects.requireNonNull(d, option);
        if (d.compareTo(ONE_MILLI) < 0) { // compareTo: toMillis() would overflow on a huge duration
            throw new IllegalArgumentException(
                    option + " must be at least 1 ms (pusherj counts whole milliseconds), got " + d);
        }
        return d;
    }
}
