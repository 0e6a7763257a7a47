package io.pusherj.bench;

/**
 * The frames the benchmarks use, written as Channels writes them (docs/protocol.md §2): event data is a JSON
 * string that itself holds the payload, except for {@code event_json_string}, whose data is a string
 * holding a JSON object (what most apps publish).
 */
final class SampleFrames {
    private SampleFrames() {}

    /** A payload of {@code length} plain characters (no escaping needed). */
    static String payload(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.toString();
    }

    /** The incoming frame of that name. */
    static String incoming(String name) {
        return switch (name) {
            case "connection_established" ->
                "{\"event\":\"pusher:connection_established\",\"data\":"
                        + "\"{\\\"socket_id\\\":\\\"123456.7890123\\\",\\\"activity_timeout\\\":120}\"}";
            case "event_40B" -> event("\"" + payload(40) + "\"");
            case "event_1KiB" -> event("\"" + payload(1024) + "\"");
            case "event_json_string" -> event("\"{\\\"id\\\":17,\\\"title\\\":\\\"" + payload(40) + "\\\"}\"");
            default -> throw new IllegalArgumentException("no sample frame " + name);
        };
    }

    private static String event(String data) {
        return "{\"event\":\"story\",\"channel\":\"news\",\"data\":" + data + "}";
    }
}
