package io.pusherj.server;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A WebSocket client (Jetty session). Jetty queues concurrent sends; frames are handed to it in the order
 * they were sent, by whichever sending thread finds the others done, and never under a lock: Jetty may
 * report the session closed from inside {@code sendText}, and the server then tells the channel's other
 * subscribers. Holding this peer's lock there while waiting for theirs deadlocked two threads closing
 * two peers of one channel (found by {@code pusherj bench} with thousands of clients).
 */
final class WebSocketPeer implements Peer {
    private final Session session;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handing = new AtomicBoolean();

    WebSocketPeer(Session session) {
        this.session = session;
    }

    @Override
    public void send(String frame) {
        inOrder(() -> session.sendText(frame, Callback.NOOP));
    }

    @Override
    public void send(String frame, Runnable done) {
        inOrder(() -> {
            try {
                session.sendText(frame, Callback.from(done, failure -> done.run()));
            } catch (RuntimeException e) {
                done.run(); // Jetty refused the frame at once: it is as done as it will be
            }
        });
    }

    @Override
    public void sendBinary(byte[] payload) {
        inOrder(() -> session.sendBinary(ByteBuffer.wrap(payload), Callback.NOOP));
    }

    /** Queues a send and hands the queue to Jetty unless another thread is already doing so. */
    private void inOrder(Runnable send) {
        pending.add(send);
        while (!pending.isEmpty() && handing.compareAndSet(false, true)) {
            try {
                for (Runnable next = pending.poll(); next != null; next = pending.poll()) {
                    try {
                        next.run();
                    } catch (RuntimeException e) {
                        // A session Jetty already closed: the frames behind this one must still be handed over
                        // (their callbacks complete with the failure), not wait for the next send.
                    }
                }
            } finally {
                handing.set(false);
            }
        }
    }

    @Override
    public void close(int code, String reason) {
        inOrder(() -> session.close(code, reason, Callback.NOOP)); // after the frames sent before it
    }

    @Override
    public void drop() {
        inOrder(session::disconnect);
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public boolean isSecure() {
        return session.isSecure();
    }
}
