package io.pusherj.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Pusher's stats endpoint as pusher-js's XHR agent calls it ({@code GET /timeline/v2/xhr/2?…}, every value
 * base64 then percent-encoded): records each request decoded and answers with the server's stats answer
 * ({@code {}} unless a test set one, e.g. {@code {"host":"…"}} to move the client elsewhere).
 */
final class StatsEndpointHandler extends Handler.Abstract {
    static final String PATH = "/timeline/v2/xhr/2";

    private final PusherTestServer server;

    StatsEndpointHandler(PusherTestServer server) {
        this.server = server;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"GET".equals(request.getMethod()) || !PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String query = request.getHttpURI().getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(name, decodeBase64(value));
            }
        }
        server.recordStats(new ReceivedStats(
                Collections.unmodifiableMap(fields), request.getHeaders().get(HttpHeader.HOST)));
        return RestApiHandler.reply(response, callback, 200, server.statsAnswer());
    }

    private static String decodeBase64(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "<not base64: " + value + ">";
        }
    }
}
