package io.pusherj.server;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;

/** JSON text of the frames the test server sends, written with JSON-P. */
final class ServerFrames {
    static final JsonProvider JSON = JsonProvider.provider();

    private ServerFrames() {}

    /** {@code {"event":e[,"channel":c],"data":"<data as a JSON string>"}}, as Pusher sends events. */
    static String event(String event, String channel, String data) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("event", event);
            if (channel != null) {
                g.write("channel", channel);
            }
            if (data != null) {
                g.write("data", data);
            }
            g.writeEnd();
        }
        return out.toString();
    }

    /** A relayed client event: data as a string, plus {@code user_id} on presence channels. */
    static String clientEvent(String event, String channel, String data, String userId) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("event", event).write("channel", channel).write("data", data);
            if (userId != null) {
                g.write("user_id", userId);
            }
            g.writeEnd();
        }
        return out.toString();
    }

    /** An event whose data is a JSON object rather than a string (as servers send pusher:error). */
    static String eventWithObject(String event, String channel, JsonObject data) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("event", event);
            if (channel != null) {
                g.write("channel", channel);
            }
            g.write("data", data);
            g.writeEnd();
        }
        return out.toString();
    }

    /** {@code pusher:connection_established} with its data double-encoded, as Pusher sends it. */
    static String connectionEstablished(String socketId, int activityTimeoutSeconds) {
        JsonObject data = JSON.createObjectBuilder()
                .add("socket_id", socketId)
                .add("activity_timeout", activityTimeoutSeconds)
                .build();
        return event("pusher:connection_established", null, data.toString());
    }

    /** {@code pusher:error} with an object payload. */
    static String error(Integer code, String message) {
        var b = JSON.createObjectBuilder();
        if (code == null) {
            b.addNull("code");
        } else {
            b.add("code", code);
        }
        return eventWithObject("pusher:error", null, b.add("message", message).build());
    }
}
