package io.pusherj.core.stats;

import io.pusherj.api.TimelineEntry;
import io.pusherj.core.protocol.FrameCodec;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

/**
 * Builds a stats request as pusher-js's XHR timeline agent does: {@code GET
 * http(s)://HOST/timeline/v2/xhr/2?QUERY}, each query value base64-encoded (objects and arrays as JSON
 * first), then percent-encoded.
 */
public final class StatsRequest {
    /** pusher-js: {@code '/timeline/v2/' + 'xhr'}, then {@code '/' + 2}. */
    static final String PATH = "/timeline/v2/xhr/2";

    private StatsRequest() {}

    /**
     * The payload of one send.
     *
     * @param who the client
     * @param bundle the number of this send (1 for the first)
     * @param entries the timeline entries to send
     * @return the payload, fields in pusher-js's order
     */
    public static JsonObject payload(StatsIdentity who, int bundle, List<TimelineEntry> entries) {
        JsonArrayBuilder timeline = FrameCodec.json().createArrayBuilder();
        for (TimelineEntry e : entries) {
            JsonObjectBuilder event = FrameCodec.json().createObjectBuilder(e.data());
            timeline.add(event.add("timestamp", e.timestamp()));
        }
        JsonObjectBuilder b = FrameCodec.json()
                .createObjectBuilder()
                .add("session", who.session())
                .add("bundle", bundle)
                .add("key", who.key())
                .add("lib", who.lib())
                .add("version", who.version())
                .add("cluster", who.cluster())
                .add("features", FrameCodec.json().createArrayBuilder(who.features()))
                .add("timeline", timeline);
        who.params().forEach(b::add);
        return b.build();
    }

    /** The request URI for {@code payload}. */
    public static URI uri(boolean useTLS, String host, JsonObject payload) {
        StringJoiner query = new StringJoiner("&");
        payload.forEach((name, value) -> query.add(name + "=" + encode(value)));
        return URI.create((useTLS ? "https" : "http") + "://" + host + PATH + "?" + query);
    }

    private static String encode(JsonValue value) {
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        String base64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(base64, StandardCharsets.UTF_8); // base64's + / = become %2B %2F %3D
    }
}
