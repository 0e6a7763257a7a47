package io.pusherj.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP fallback endpoints of docs/protocol.md §11 under any path prefix ({@code httpPath}, {@code /pusher}
 * by default): {@code POST …/app/{key}/{server}/{session}/xhr_streaming}, {@code …/xhr} (polling) and
 * {@code …/xhr_send}.
 */
final class HttpFallbackHandler extends Handler.Abstract {
    private static final Pattern PATH =
            Pattern.compile("^(.*)/app/([^/]+)/([^/]+)/([^/]+)/(xhr_streaming|xhr|xhr_send)$");

    private final PusherTestServer server;
    private final Map<String, HttpFallbackSession> sessions = new ConcurrentHashMap<>();

    HttpFallbackHandler(PusherTestServer server) {
        this.server = server;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Matcher m = PATH.matcher(Request.getPathInContext(request));
        if (!m.matches()) {
            return false;
        }
        if (!"POST".equals(request.getMethod())) {
            return RestApiHandler.reply(response, callback, 405, "{\"error\":\"use POST\"}");
        }
        String kind = m.group(5);
        String id = m.group(3) + "/" + m.group(4);
        if (kind.equals("xhr_send")) {
            return HttpFallbackSession.serveSend(sessions.get(id), request, response, callback);
        }
        String transport = kind.equals("xhr") ? "xhr_polling" : "xhr_streaming";
        if (server.faults().isBlocked(transport)) {
            return RestApiHandler.reply(
                    response, callback, 503, "text/plain", transport + " blocked by the test server");
        }
        HttpFallbackSession session = sessions.computeIfAbsent(id, k -> {
            HttpFallbackSession s = new HttpFallbackSession(server, kind.equals("xhr_streaming"), request);
            String query = request.getHttpURI().getQuery();
            ServerConnection c = new ServerConnection(
                    server, m.group(2), request.getHttpURI().getPath() + (query == null ? "" : "?" + query), transport);
            c.origin(request.getHeaders().get("Origin"));
            s.connection(c);
            return s;
        });
        session.requestArrived(request.getHttpURI().getHost(), true);
        session.receive(response, callback);
        return true;
    }
}
