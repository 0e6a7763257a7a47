package io.pusherj.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A WebSocket client (Jetty session). Jetty queues concurrent sends; the lock keeps their order. */
final class WebSocketPeer implements Peer {
    private final Session session;

    WebSocketPeer(Session session) {
        this.session = session;
    }

    @Override
    public synchronized void send(String frame) {
        session.sendText(frame, Callback.NOOP);
    }

    @Override
    public synchronized void send(String frame, Runnable done) {
        session.sendText(frame, Callback.from(done, failure -> done.run()));
    }

    @Override
    public synchronized void sendBinary(byte[] payload) {
        session.sendBinary(ByteBuffer.wrap(payload), Callback.NOOP);
    }

    @Override
    public void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
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
