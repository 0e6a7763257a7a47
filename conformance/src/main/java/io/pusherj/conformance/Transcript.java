package io.pusherj.conformance;

import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ReceivedAuthRequest;
import io.pusherj.server.ServerConnection;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The normalized transcript of one run: what the client reported (from its driver) and what the server
 * saw it do (connections, the delay before each reconnect, frames it sent, auth requests), grouped in
 * streams. Order is compared within a stream only: two channels' auth requests may finish in either
 * order, and so may what follows from them, while within a channel, or on the connection, order is
 * behaviour. Normalizing removes only what differs by construction (socket ids, signatures, message
 * texts, timing-dependent pings); the README lists every rule.
 */
final class Transcript {
    private static final Pattern SIGNATURE = Pattern.compile("[^:]+:[0-9a-f]{64}");

    private final Map<String, List<JsonObject>> streams = new TreeMap<>();

    private Transcript() {}

    /** {@return the streams, by name, each in order} */
    Map<String, List<JsonObject>> streams() {
        return streams;
    }

    /** Builds the transcript of a run from the driver's records and the server's view. */
    static Transcript of(Script script, List<JsonObject> clientRecords, PusherTestServer server) {
        Transcript t = new Transcript();
        for (JsonObject r : clientRecords) {
            JsonObject normalized = normalizeClientRecord(r);
            if (normalized != null) {
                t.add(normalized);
            }
        }
        List<ServerConnection> connections = server.connections();
        OptionalLong previousClose = OptionalLong.empty();
        for (int i = 0; i < connections.size(); i++) {
            ServerConnection c = connections.get(i);
            var record = JsonValues.JSON
                    .createObjectBuilder()
                    .add("s", "server")
                    .add("t", "connection")
                    .add("n", i + 1)
                    .add("tls", c.isSecure());
            if (i > 0) {
                // A reconnect at once can open before the server has finished closing the old connection
                // (its close handshake is still under way): a negative delay is an immediate reconnect.
                record.add(
                        "after",
                        previousClose.isPresent()
                                ? bucket(Math.max(0, (c.openedAtNanos() - previousClose.getAsLong()) / 1_000_000))
                                : "while the previous one was open");
            }
            t.add(record.build());
            for (String frame : c.receivedFrames()) {
                JsonObject sent = normalizeSentFrame(JsonValues.parse(frame).asJsonObject(), script.recordsPings());
                if (sent != null) {
                    t.add(JsonValues.JSON
                            .createObjectBuilder()
                            .add("s", "sent#" + (i + 1) + "/" + channelOf(sent))
                            .add("t", "sent")
                            .add("frame", sent)
                            .build());
                }
            }
            previousClose = c.closedAtNanos();
        }
        for (ReceivedAuthRequest a : server.authRequests()) {
            Map<String, String> params = new TreeMap<>(a.params());
            params.remove("socket_id");
            params.remove("callback");
            String subject = params.getOrDefault("channel_name", "user");
            var p = JsonValues.JSON.createObjectBuilder();
            params.forEach(p::add);
            t.add(JsonValues.JSON
                    .createObjectBuilder()
                    .add("s", "auth/" + subject)
                    .add("t", "auth")
                    .add("method", a.method())
                    .add("path", a.path())
                    .add("params", p)
                    .build());
        }
        return t;
    }

    /** A transcript of client records alone (no server), for tests of the comparison. */
    static Transcript ofClientRecords(List<JsonObject> records) {
        Transcript t = new Transcript();
        records.forEach(t::add);
        return t;
    }

    private void add(JsonObject record) {
        streams.computeIfAbsent(record.getString("s"), k -> new ArrayList<>()).add(record);
    }

    /**
     * Reconnect delays, coarse enough to be stable on a loaded machine and fine enough to tell "at once"
     * (4200) from "after a second" (4100) from a strategy timeout.
     */
    static String bucket(long millis) {
        if (millis < 500) {
            return "< 0.5 s";
        }
        if (millis < 2_500) {
            return "0.5-2.5 s";
        }
        return millis < 10_000 ? "2.5-10 s" : "> 10 s";
    }

    private static JsonObject normalizeClientRecord(JsonObject r) {
        String kind = r.getString("t");
        if (kind.equals("global") && r.getString("event").equals("pusher:pong")) {
            // The answer to a ping the client sent: whether it arrives before the end marker is timing.
            // That the client pinged is compared, in its sent frames.
            return null;
        }
        if (r.get("data") instanceof JsonObject data && data.keySet().equals(Set.of("nonce", "ciphertext"))) {
            // An encrypted event seen before decryption (a global binding): a fresh nonce every publish.
            return JsonValues.JSON
                    .createObjectBuilder(r)
                    .add(
                            "data",
                            JsonValues.JSON
                                    .createObjectBuilder()
                                    .add("nonce", "<nonce>")
                                    .add("ciphertext", "<ciphertext>"))
                    .build();
        }
        if (kind.equals("event") || kind.equals("global")) {
            String event = r.getString("event");
            if ((event.equals("pusher:subscription_error") || event.equals("pusher:signin_error"))
                    && r.get("data") instanceof JsonObject data) {
                // The message texts are each library's own; type and status are the contract.
                var kept = JsonValues.JSON.createObjectBuilder();
                for (String field : List.of("type", "status")) {
                    if (data.containsKey(field)) {
                        kept.add(field, data.get(field));
                    }
                }
                return JsonValues.JSON.createObjectBuilder(r).add("data", kept).build();
            }
        }
        return r;
    }

    /** A frame the client sent, with socket ids and signatures (which change on every run) replaced. */
    static JsonObject normalizeSentFrame(JsonObject frame, boolean pings) {
        String event = frame.getString("event", "");
        if (!pings && (event.equals("pusher:ping") || event.equals("pusher:pong"))) {
            return null;
        }
        return (JsonObject) replaceVolatile(null, frame);
    }

    private static JsonValue replaceVolatile(String name, JsonValue v) {
        if (v instanceof JsonObject o) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            o.forEach((k, x) -> out.put(k, replaceVolatile(k, x)));
            return JsonValues.JSON.createObjectBuilder(out).build();
        }
        if (v instanceof JsonString s && "socket_id".equals(name)) {
            return JsonValues.JSON.createValue("<socket_id>");
        }
        if (v instanceof JsonString s
                && "auth".equals(name)
                && SIGNATURE.matcher(s.getString()).matches()) {
            return JsonValues.JSON.createValue("<signature>");
        }
        return v;
    }

    private static String channelOf(JsonObject frame) {
        if (frame.get("data") instanceof JsonObject data && data.get("channel") instanceof JsonString c) {
            return c.getString();
        }
        return frame.get("channel") instanceof JsonString c ? c.getString() : "connection";
    }
}
