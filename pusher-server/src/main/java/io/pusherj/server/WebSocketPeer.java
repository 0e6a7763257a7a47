package io.pusherj.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A WebSocket client (Jetty session). Jetty queues concurrent sends; the lock keeps their order. */
final class WebSocketPeer implements Peer {
    private static final System.Logger LOG = System.getLogger(WebSocketPeer.class.getName());

    private final Session session;
    /**
     * A frame Jetty could not send on an open session is said, not silently lost: a test missing a frame then
     * knows why. Sends to a session that is closing fail as a matter of course, and are not.
     */
    private final Callback reportFailure = Callback.from(() -> {}, this::sendFailed);

    WebSocketPeer(Session session) {
        this.session = session;
    }

    @Override
    public synchronized void send(String frame) {
        session.sendText(frame, reportFailure);
    }

    @Override
    public synchronized void send(String frame, Runnable done) {
        session.sendText(frame, Callback.from(done, failure -> done.run()));
    }

    @Override
    public synchronized void sendBinary(byte[] payload) {
        session.sendBinary(ByteBuffer.wrap(payload), Callback.NOOP);
    }

    private void sendFailed(Throwable failure) {
        if (session.isOpen()) {
            LOG.log(System.Logger.Level.WARNING, "test server: a send on an open session failed", failure);
        }
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
