package io.pusherj.conformance;

import jakarta.json.JsonObject;

/**
 * A record one client reported and the other did not, at that place in the stream.
 *
 * @param client who reported it: {@code pusher-js} or {@code pusherj}
 * @param record the record
 */
record Difference(String client, JsonObject record) {
    @Override
    public String toString() {
        return "only " + client + ": " + JsonValues.canonical(record);
    }
}
