package io.pusherj.core.strategy;

import io.pusherj.api.ConnectionError;
import jakarta.json.JsonObject;

/** What a transport strategy's connection attempts report. Called on the strand. */
@FunctionalInterface
public interface AttemptListener {
    /** An attempt failed (pusher-js reports it as the connection's {@code error} event). */
    void failed(ConnectionError error);

    /**
     * A step of an attempt for the timeline, as pusher-js's transport connections record it:
     * {@code {"cid":3,"transport":"wss"}} when it starts, {@code {"cid":3,"state":"open"}},
     * {@code {"cid":3,"state":"closed","code":1006}}.
     */
    default void step(JsonObject step) {}
}
