package io.pusherj.core.connection;

import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import java.util.concurrent.Executor;

/**
 * A transport socket whose events are moved onto the client's strand and handed to whoever owns the
 * socket at that moment (the strategy attempt, then the handshake, then the connection). Replacing or
 * clearing the handler is pusher-js's bind/unbind of transport listeners.
 */
public final class StrandSocket implements TransportSocketListener {
    /** Receives the socket's events on the strand. */
    public interface Handler {
        /** See {@link TransportSocketListener#onOpen()}. */
        void onOpen();

        /** See {@link TransportSocketListener#onMessage(String)}. */
        void onMessage(String frame);

        /** See {@link TransportSocketListener#onActivity()}. */
        void onActivity();

        /** See {@link TransportSocketListener#onError(Throwable)}. */
        void onError(Throwable error);

        /** See {@link TransportSocketListener#onClose(int, String, boolean)}. */
        void onClose(int code, String reason, boolean wasClean);
    }

    private final Executor strand;
    private final Executor inbound;
    private final Transport transport;
    private volatile TransportSocket socket;
    private Handler handler;
    private CloseObserver closeObserver;

    /** Sees the socket's close whoever owns the socket then (transport lives, §8.6). */
    public interface CloseObserver {
        /** The socket closed. */
        void closed(int code, boolean wasClean);
    }

    /** Sets the close observer (strand only). */
    public void observeClose(CloseObserver observer) {
        closeObserver = observer;
    }

    private StrandSocket(Executor strand, Executor inbound, Transport transport, Handler handler) {
        this.strand = strand;
        this.inbound = inbound;
        this.transport = transport;
        this.handler = handler;
    }

    /**
     * Opens a socket on {@code transport}; call on the strand. A transport that throws is reported as an
     * error followed by a 1006 close, like any failed attempt.
     *
     * @param strand  where the socket's events run
     * @param inbound how frames get there (the strand, run on the I/O thread when it is idle): frames are
     *                the hot path; the rare events keep the plain hand-off
     */
    public static StrandSocket open(Executor strand, Executor inbound, Transport transport, TransportRequest request,
            Handler handler) {
        StrandSocket s = new StrandSocket(strand, inbound, transport, handler);
        try {
            s.socket = transport.open(request, s);
        } catch (RuntimeException e) {
            s.onError(e);
            s.onClose(1006, "transport failed to start: " + e.getMessage(), false);
        }
        return s;
    }

    /** The transport this socket belongs to. */
    public Transport transport() {
        return transport;
    }

    /** Hands later events to {@code newHandler} (null drops them). Strand only. */
    public void setHandler(Handler newHandler) {
        handler = newHandler;
    }

    /** Sends a frame; false when not open. */
    public boolean send(String frame) {
        TransportSocket s = socket;
        return s != null && s.send(frame);
    }

    /** The transport's native ping. */
    public void ping() {
        TransportSocket s = socket;
        if (s != null) {
            s.ping();
        }
    }

    /** Closes the socket; events that follow are dropped unless a handler is still set. */
    public void close() {
        TransportSocket s = socket;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void onOpen() {
        strand.execute(() -> {
            if (handler != null) {
                handler.onOpen();
            }
        });
    }

    @Override
    public void onMessage(String frame) {
        inbound.execute(() -> {
            if (handler != null) {
                handler.onMessage(frame);
            }
        });
    }

    @Override
    public void onActivity() {
        strand.execute(() -> {
            if (handler != null) {
                handler.onActivity();
            }
        });
    }

    @Override
    public void onError(Throwable error) {
        strand.execute(() -> {
            if (handler != null) {
                handler.onError(error);
            }
        });
    }

    @Override
    public void onClose(int code, String reason, boolean wasClean) {
        strand.execute(() -> {
            Handler h = handler;
            handler = null;
            CloseObserver o = closeObserver;
            closeObserver = null;
            if (o != null) {
                o.closed(code, wasClean);
            }
            if (h != null) {
                h.onClose(code, reason == null ? "" : reason, wasClean);
            }
        });
    }
}
