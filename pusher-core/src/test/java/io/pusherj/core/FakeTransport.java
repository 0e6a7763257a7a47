package io.pusherj.core;

import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted transport for unit tests of the state machine: the test opens, feeds and closes each socket
 * by hand. Only unit tests use it; everything else runs over real sockets.
 */
public final class FakeTransport implements Transport {
    private final String name;
    private final int priority;
    private final List<FakeSocket> sockets = new ArrayList<>();
    private boolean closed;

    public FakeTransport(String name, int priority) {
        this.name = name;
        this.priority = priority;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public synchronized TransportSocket open(TransportRequest request, TransportSocketListener listener) {
        FakeSocket s = new FakeSocket(request, listener);
        sockets.add(s);
        notifyAll();
        return s;
    }

    /** Waits (with a deadline, no polling) until {@code n} sockets were opened; returns the n-th. */
    public synchronized FakeSocket awaitSocket(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sockets.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + sockets.size() + " sockets opened, expected " + n);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return sockets.get(n - 1);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Every socket opened so far. */
    public synchronized List<FakeSocket> sockets() {
        return List.copyOf(sockets);
    }

    /** The most recent socket. */
    public synchronized FakeSocket last() {
        if (sockets.isEmpty()) {
            throw new AssertionError("no socket was opened on " + name);
        }
        return sockets.get(sockets.size() - 1);
    }

    /** One scripted socket. */
    public static final class FakeSocket implements TransportSocket {
        public final TransportRequest request;
        private final TransportSocketListener listener;
        private final List<String> sent = new ArrayList<>();
        private boolean open;
        private boolean closedByClient;
        private int pings;

        FakeSocket(TransportRequest request, TransportSocketListener listener) {
            this.request = request;
            this.listener = listener;
        }

        @Override
        public synchronized boolean send(String frame) {
            if (!open || closedByClient) {
                return false;
            }
            sent.add(frame);
            notifyAll();
            return true;
        }

        /** Waits until a sent frame contains {@code text}; returns it. */
        public synchronized String awaitSent(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (String f : sent) {
                    if (f.contains(text)) {
                        return f;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no sent frame contains " + text + "; sent: " + sent);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        @Override
        public synchronized void ping() {
            pings++;
        }

        @Override
        public synchronized void close() {
            closedByClient = true;
        }

        public synchronized List<String> sent() {
            return List.copyOf(sent);
        }

        public synchronized boolean isClosedByClient() {
            return closedByClient;
        }

        public synchronized int nativePings() {
            return pings;
        }

        /** The server accepted the socket. */
        public void open() {
            synchronized (this) {
                open = true;
            }
            listener.onOpen();
        }

        /** The server sent a frame. */
        public void receive(String frame) {
            listener.onMessage(frame);
        }

        /** Open and complete the handshake with a socket id and activity timeout (seconds). */
        public void establish(String socketId, int activityTimeoutSeconds) {
            open();
            receive("{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\"" + socketId
                    + "\\\",\\\"activity_timeout\\\":" + activityTimeoutSeconds + "}\"}");
        }

        /** The server (or network) closed the socket. */
        public void serverClose(int code, String reason) {
            synchronized (this) {
                open = false;
            }
            listener.onClose(code, reason, code != 1006);
        }

        /** The transport failed before opening. */
        public void fail(String message) {
            listener.onError(new IOException(message));
            listener.onClose(1006, message, false);
        }
    }
}
