package io.pusherj.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A SockJS server at {@code httpPath} ({@code /pusher}) as Pusher runs one for its SockJS fallback
 * (docs/protocol.md §11.9): {@code GET …/info}, and the HTTP transports
 * {@code …/{server}/{session}/xhr_streaming}, {@code xhr} and {@code xhr_send}, whose first client
 * message is the path message. (The WebSocket transport, {@code …/websocket}, is mapped by the server's
 * WebSocket handler.)
 */
final class SockJsHandler extends Handler.Abstract {
    private static final Pattern INFO = Pattern.compile("^(/.*)?/info$");
    private static final Pattern SESSION = Pattern.compile("^(/.*)?/([^/]+)/([^/]+)/(xhr_streaming|xhr|xhr_send)$");

    private final PusherTestServer server;
    private final Map<String, HttpFallbackSession> sessions = new ConcurrentHashMap<>();

    SockJsHandler(PusherTestServer server) {
        this.server = server;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (INFO.matcher(path).matches()) {
            return RestApiHandler.reply(
                    response,
                    callback,
                    200,
                    "{\"websocket\":" + !server.faults().isBlocked("sockjs-websocket")
                            + ",\"origins\":[\"*:*\"],\"cookie_needed\":false,\"entropy\":"
                            + ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE) + "}");
        }
        Matcher m = SESSION.matcher(path);
        if (!m.matches() || !"POST".equals(request.getMethod())) {
            return false;
        }
        if (server.faults().isBlocked("sockjs")) {
            return RestApiHandler.reply(response, callback, 503, "text/plain", "sockjs blocked by the test server");
        }
        String id = m.group(2) + "/" + m.group(3);
        String kind = m.group(4);
        if (kind.equals("xhr_send")) {
            return HttpFallbackSession.serveSend(sessions.get(id), request, response, callback);
        }
        HttpFallbackSession session = sessions.computeIfAbsent(
                id,
                k -> new HttpFallbackSession(server, kind.equals("xhr_streaming"), request, server::sockJsConnection));
        session.receive(response, callback);
        return true;
    }
}
