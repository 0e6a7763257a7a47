package io.pusherj.api;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * One entry of a client's timeline (pusher-js's {@code Timeline}): what the connection did, kept in memory
 * for diagnostics and sent to Pusher's stats service only when {@code enableStats} is on.
 *
 * <p>Entries are state changes ({@code {"state":"connected","params":{…}}}), transport attempts
 * ({@code {"cid":3,"transport":"ws","state":"open"}}), retries ({@code {"action":"retry","delay":1000}})
 * and errors ({@code {"error":{…}}}).
 *
 * @param timestamp milliseconds since the epoch (the client's clock)
 * @param level {@link Level#INFO} or {@link Level#ERROR}
 * @param data what happened, as pusher-js records it
 */
public record TimelineEntry(long timestamp, Level level, JsonObject data) {
    /** The levels pusher-js records at its default level. */
    public enum Level {
        /** A failure. */
        ERROR,
        /** Anything else. */
        INFO
    }

    /**
     * Validates the components.
     *
     * @param timestamp milliseconds since the epoch (the client's clock)
     * @param level {@link Level#INFO} or {@link Level#ERROR}
     * @param data what happened, as pusher-js records it
     */
    public TimelineEntry {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(data, "data");
    }
}
