package io.pusherj.core.connection;

import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import io.pusherj.core.jfr.InboundOverflowEvent;
import io.pusherj.core.runtime.Failures;
import io.pusherj.core.runtime.Handles;
import io.pusherj.core.runtime.InboundQueue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;

/**
 * A transport socket whose events are moved onto the client's strand and handed to whoever owns the
 * socket at that moment (the strategy attempt, then the handshake, then the connection). Replacing or
 * clearing the handler is pusher-js's bind/unbind of transport listeners.
 *
 * <p>Frames go through the client's {@link InboundQueue}: the one that takes it past its limit is the last
 * one read. The socket is then closed at once (from the I/O thread: the strand may be busy with a slow
 * listener) and, after every frame read so far, the handler sees an error and an unclean close.
 */
public final class StrandSocket implements TransportSocketListener, InboundQueue.Receiver {
    private static final VarHandle OVERFLOWED = Handles.field(MethodHandles.lookup(), "overflowed", boolean.class);

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
    private final InboundQueue inbound;
    private final Transport transport;
    private volatile boolean overflowed; // set once, through OVERFLOWED (an AtomicBoolean is 16 bytes more)
    private volatile TransportSocket socket;
    private Handler handler;
    private CloseObserver closeObserver;

    /** Sees the socket's close whoever owns the socket then (transport lives, docs/protocol.md §10.6). */
    public interface CloseObserver {
        /** The socket closed. */
        void closed(int code, boolean wasClean);
    }

    /** Sets the close observer (strand only). */
    public void observeClose(CloseObserver observer) {
        closeObserver = observer;
    }

    private StrandSocket(Executor strand, InboundQueue inbound, Transport transport, Handler handler) {
        this.strand = strand;
        this.inbound = inbound;
        this.transport = transport;
        this.handler = handler;
    }

    /**
     * Opens a socket on {@code transport}; call on the strand. A transport that throws, whatever it throws
     * short of a JVM that is out of memory, is reported as an error followed by a 1006 close, like any failed
     * attempt: a JDK class that failed to initialize (the TLS classes of a JVM out of file descriptors) must
     * not escape into the strategy, which would keep the try's timer without its attempt.
     *
     * @param strand  where the socket's events run
     * @param inbound how frames get there (the strand, run on the I/O thread when it is idle), within the
     *                client's limit: frames are the hot path; the rare events keep the plain hand-off
     */
    public static StrandSocket open(
            Executor strand, InboundQueue inbound, Transport transport, TransportRequest request, Handler handler) {
        StrandSocket s = new StrandSocket(strand, inbound, transport, handler);
        try {
            s.socket = transport.open(request, s);
        } catch (Throwable e) {
            Throwable failure = Failures.containable(e);
            s.onError(failure);
            s.onClose(1006, "transport failed to start: " + failure, false);
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
        if (overflowed) {
            return; // read after the client decided to stop reading: never delivered, like unread bytes
        }
        boolean withinLimit = inbound.offer(frame, this); // this, not a lambda: one object less per frame
        if (!withinLimit && OVERFLOWED.compareAndSet(this, false, true)) {
            // Recorded as it happens, on the reading thread: the strand is the one behind.
            InboundOverflowEvent.commit(transport.name(), inbound.limitChars());
            TransportSocket s = socket;
            if (s != null) {
                s.close();
            }
            onClose(1006, "", false); // the transport may not report its own close (TransportSocket#close)
        }
    }

    /**
     * A frame reaches the strand: to whichever handler is set then. Called by the client's
     * {@link InboundQueue} on the strand only; the queue is handed this socket rather than a lambda made
     * per frame.
     */
    @Override
    public void receive(String frame) {
        if (handler != null) {
            handler.onMessage(frame);
        }
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
            if (overflowed) {
                // Our own decision, not the network's: the transport loses no life for it (docs/protocol.md §10.6).
                closeObserver = null;
                deliverClose(
                        1006,
                        "inbound queue over its limit",
                        false,
                        new InboundOverflowException(inbound.limitChars()));
            } else {
                deliverClose(code, reason == null ? "" : reason, wasClean, null);
            }
        });
    }

    /** The socket's one close, with the error that caused it if any; later ones find nothing to tell. Strand only. */
    private void deliverClose(int code, String reason, boolean wasClean, Throwable error) {
        Handler h = handler;
        handler = null;
        CloseObserver o = closeObserver;
        closeObserver = null;
        if (o != null) {
            o.closed(code, wasClean);
        }
        if (h != null) {
            if (error != null) {
                h.onError(error);
            }
            h.onClose(code, reason, wasClean);
        }
    }
}
