package io.pusherj.server;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Pusher's HTTP API for publishing: {@code POST /apps/{id}/events} and {@code /batch_events}, with the
 * REST authentication of {@link RestAuth} checked exactly (key, signature, body MD5, timestamp within
 * 600 s).
 */
final class RestApiHandler extends Handler.Abstract {
    private static final Pattern PATH = Pattern.compile("^/apps/([^/]+)/(events|batch_events)$");
    private static final long MAX_CLOCK_SKEW_SECONDS = 600;

    private final PusherTestServer server;
    private final String appId;
    private final String appKey;
    private final String appSecret;

    RestApiHandler(PusherTestServer server, String appId, String appKey, String appSecret) {
        this.server = server;
        this.appId = appId;
        this.appKey = appKey;
        this.appSecret = appSecret;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return false; // not an API path: the next handler (the auth endpoint) may take it
        }
        if (!"POST".equals(request.getMethod())) {
            return reply(response, callback, 405, "{\"error\":\"use POST\"}");
        }
        if (!appId.equals(m.group(1))) {
            return reply(response, callback, 404, "{\"error\":\"unknown app id\"}");
        }
        String body;
        try {
            body = Content.Source.asString(request, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return reply(response, callback, 400, "{\"error\":\"unreadable body\"}");
        }
        String authProblem = checkAuth(request.getMethod(), path, Request.extractQueryParameters(request), body);
        if (authProblem != null) {
            return reply(response, callback, 401, "{\"error\":\"" + authProblem + "\"}");
        }
        try (JsonReader r = ServerFrames.JSON.createReader(new StringReader(body))) {
            JsonObject json = r.readObject();
            List<JsonObject> events = new ArrayList<>();
            if ("batch_events".equals(m.group(2))) {
                for (JsonValue v : json.getJsonArray("batch")) {
                    events.add(v.asJsonObject());
                }
            } else {
                events.add(json);
            }
            for (JsonObject e : events) {
                publish(e);
            }
        } catch (JsonException | ClassCastException | NullPointerException | IllegalStateException e) {
            return reply(response, callback, 400, "{\"error\":\"invalid event body\"}");
        }
        server.recordHttpPublish(body);
        return reply(response, callback, 200, "{}");
    }

    private void publish(JsonObject e) {
        String name = e.getString("name");
        JsonValue dataValue = e.get("data");
        String data = dataValue instanceof JsonString s ? s.getString() : String.valueOf(dataValue);
        String exclude = e.getString("socket_id", null);
        List<String> channels = new ArrayList<>();
        if (e.get("channels") instanceof JsonArray a) {
            a.getValuesAs(JsonString.class).forEach(s -> channels.add(s.getString()));
        }
        if (e.get("channel") instanceof JsonString s) {
            channels.add(s.getString());
        }
        if (channels.isEmpty()) {
            throw new IllegalStateException("no channel");
        }
        channels.forEach(c -> server.publish(c, name, data, exclude));
    }

    private String checkAuth(String method, String path, Fields query, String body) {
        Map<String, String> params = new HashMap<>();
        query.forEach(f -> params.put(f.getName(), f.getValue()));
        if (!appKey.equals(params.get("auth_key"))) {
            return "unknown auth_key";
        }
        String signature = params.get("auth_signature");
        if (signature == null
                || !signature.equals(RestAuth.signature(method, path, RestAuth.canonicalQuery(params), appSecret))) {
            return "invalid auth_signature";
        }
        if (!RestAuth.md5Hex(body).equals(params.get("body_md5"))) {
            return "body_md5 does not match the body";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(params.getOrDefault("auth_timestamp", ""));
        } catch (NumberFormatException e) {
            return "invalid auth_timestamp";
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
            return "auth_timestamp expired";
        }
        return null;
    }

    static boolean reply(Response response, Callback callback, int status, String json) {
        return reply(response, callback, status, "application/json", json);
    }

    static boolean reply(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}
