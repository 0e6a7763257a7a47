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
        return "only " + client + ": " + shown(record);
    }

    /** A record as reports show it: cut after 300 characters (a 100 KiB event would flood the output). */
    static String shown(JsonObject record) {
        String text = JsonValues.canonical(record);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }
}
