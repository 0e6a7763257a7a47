package io.pusherj.transport.ws;

import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One WebSocket connection. Opening blocks a thread of the shared connect pool (the JDK container has no
 * connect timeout of its own); {@link #close()} interrupts it, so a silent port cannot hold it forever.
 */
final class WebSocketSocket implements TransportSocket {
    private static final System.Logger LOG = System.getLogger(WebSocketSocket.class.getName());
    private static final ClientEndpointConfig CONFIG =
            ClientEndpointConfig.Builder.create().build();

    private final TransportSocketListener listener;
    private final Consumer<WebSocketSocket> onFinished;
    // Guarded by this object (package-private, so no one else locks it; a lock object of its own was 16
    // bytes of every connection). connecting is held only while connecting: close() interrupts it then.
    private Future<?> connecting;
    private Session session;
    private boolean closed;
    private boolean reported;

    WebSocketSocket(TransportSocketListener listener, Consumer<WebSocketSocket> onFinished) {
        this.listener = listener;
        this.onFinished = onFinished;
    }

    /** Connects to {@code uri}; only the connect task holds it (an idle socket keeps no copy, Tyrus has one). */
    void start(TyrusRuntime runtime, URI uri) {
        try {
            Future<?> f = runtime.connectPool().submit(() -> connect(runtime, uri));
            boolean closedMeanwhile;
            synchronized (this) {
                closedMeanwhile = closed;
                if (session == null && !closed) { // else the task already connected or ended
                    connecting = f;
                }
            }
            if (closedMeanwhile) {
                f.cancel(true); // close() ran before the future was stored, and could not interrupt it
            }
        } catch (RejectedExecutionException e) {
            failed(e);
        }
    }

    private void connect(TyrusRuntime runtime, URI uri) {
        try {
            Session s = runtime.manager()
                    .connectToServer(
                            new Endpoint() {
                                @Override
                                public void onOpen(Session openSession, EndpointConfig config) {
                                    openSession.addMessageHandler(
                                            String.class, (MessageHandler.Whole<String>) listener::onMessage);
                                    openSession.addMessageHandler(ByteBuffer.class, new BinaryFrames(listener));
                                    boolean abandon;
                                    synchronized (WebSocketSocket.this) {
                                        session = openSession;
                                        abandon = closed;
                                    }
                                    if (abandon) {
                                        closeQuietly(openSession);
                                    } else {
                                        listener.onOpen();
                                    }
                                }

                                @Override
                                public void onClose(Session closedSession, CloseReason reason) {
                                    int code = reason.getCloseCode().getCode();
                                    finish(
                                            code,
                                            reason.getReasonPhrase(),
                                            code != CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode());
                                }

                                @Override
                                public void onError(Session errorSession, Throwable error) {
                                    synchronized (WebSocketSocket.this) {
                                        if (closed) {
                                            return;
                                        }
                                    }
                                    listener.onError(error);
                                }
                            },
                            CONFIG,
                            uri);
            synchronized (this) {
                if (session == null) {
                    session = s;
                }
                connecting = null;
            }
        } catch (Throwable e) {
            // DeploymentException/IOException from Tyrus, an interrupt because the attempt was aborted, or an
            // Error: a JDK class that failed to initialize (a JVM out of file descriptors cannot load its TLS
            // classes), no native thread left. Unreported, an Error would vanish into the connect task's
            // future and the attempt would wait out its timeout. So it is reported first; then one that leaves
            // the JVM unreliable (out of memory, not a stack overflow) is passed on, as everywhere in pusherj.
            failed(e);
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                throw fatal;
            }
        }
    }

    private void failed(Throwable e) {
        synchronized (this) {
            if (closed) {
                finish(1006, "aborted", false);
                return;
            }
        }
        listener.onError(e);
        finish(1006, describe(e), false);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Reports the close once, unless the owner closed the socket first. */
    private void finish(int code, String reason, boolean wasClean) {
        boolean report;
        synchronized (this) {
            report = !reported && !closed;
            reported = true;
            closed = true;
        }
        onFinished.accept(this);
        if (report) {
            listener.onClose(code, reason == null ? "" : reason, wasClean);
        }
    }

    @Override
    public boolean send(String frame) {
        Session s;
        synchronized (this) {
            s = closed ? null : session;
        }
        if (s == null || !s.isOpen()) {
            return false;
        }
        try {
            s.getAsyncRemote().sendText(frame);
            return true;
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "send failed: {0}", e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        Session s;
        Future<?> f;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = session;
            f = connecting;
        }
        onFinished.accept(this);
        if (s != null) {
            closeQuietly(s);
        } else if (f != null) {
            f.cancel(true);
        }
    }

    private static void closeQuietly(Session s) {
        try {
            s.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed: {0}", e.toString());
        }
    }

    /**
     * Reports each binary frame as one short error. Pusher sends text frames only; without a binary handler
     * Tyrus reports one with a dump of its session, kilobytes long. A partial handler, not a whole one: Tyrus
     * looks through the session's whole-message handlers for every text frame, and a second one there made
     * each 40-byte event cost about 15% more (BENCHMARKS.md); a partial one also never joins a fragmented
     * message in memory.
     */
    private static final class BinaryFrames implements MessageHandler.Partial<ByteBuffer> {
        private final TransportSocketListener listener;
        /** Bytes of the frame so far. Tyrus delivers one connection's frames one at a time, in order. */
        private long bytes;

        BinaryFrames(TransportSocketListener listener) {
            this.listener = listener;
        }

        @Override
        public void onMessage(ByteBuffer part, boolean last) {
            bytes += part.remaining();
            if (last) {
                long size = bytes;
                bytes = 0;
                listener.onError(
                        new IOException("binary frame ignored (" + size + " bytes): Pusher sends text frames only"));
            }
        }
    }
}
