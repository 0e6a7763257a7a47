package io.pusherj.server;

import io.pusherj.server.internal.JettyEndpoint;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.io.StringReader;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * SockJS over WebSocket ({@code …/{server}/{session}/websocket}): the server opens with {@code o}, wraps
 * every message in {@code a["…"]} and closes with {@code c[code,"reason"]}; the client sends JSON arrays of
 * strings, the first holding the path message.
 */
final class SockJsWebSocket implements Peer {
    private final Session session;
    private volatile ServerConnection connection;

    private SockJsWebSocket(Session session) {
        this.session = session;
    }

    static JettyEndpoint endpoint(PusherTestServer server) {
        SockJsWebSocket[] self = new SockJsWebSocket[1];
        return new JettyEndpoint(new JettyEndpoint.Events() {
            @Override
            public void opened(Session s) {
                self[0] = new SockJsWebSocket(s);
                s.sendText("o", Callback.NOOP);
            }

            @Override
            public void text(String message) {
                JsonArray array;
                try (var r = ServerFrames.JSON.createReader(new StringReader(message))) {
                    array = r.readArray();
                } catch (RuntimeException e) {
                    self[0].close(3000, "Broken JSON encoding.");
                    return;
                }
                for (JsonString m : array.getValuesAs(JsonString.class)) {
                    ServerConnection c = self[0].connection;
                    if (c == null) {
                        c = server.sockJsConnection(m.getString(), self[0]);
                        if (c == null) {
                            self[0].close(3000, "the first message must be the path message");
                            return;
                        }
                        self[0].connection = c;
                        c.attach(self[0]);
                    } else {
                        c.received(m.getString());
                    }
                }
            }

            @Override
            public void closed(int code) {
                ServerConnection c = self[0] == null ? null : self[0].connection;
                if (c != null) {
                    c.detached(code);
                }
            }
        });
    }

    @Override
    public synchronized void send(String frame) {
        session.sendText("a[" + ServerFrames.JSON.createValue(frame) + "]", Callback.NOOP);
    }

    @Override
    public synchronized void close(int code, String reason) {
        session.sendText(
                "c[" + code + "," + ServerFrames.JSON.createValue(reason == null ? "" : reason) + "]", Callback.NOOP);
        session.close(1000, "closed", Callback.NOOP);
    }

    @Override
    public void drop() {
        session.disconnect();
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public boolean isSecure() {
        return session.isSecure();
    }

    @Override
    public String remoteAddress() {
        return Peer.hostOf(session.getRemoteSocketAddress());
    }
}
