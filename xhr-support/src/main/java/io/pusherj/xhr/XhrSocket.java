package io.pusherj.xhr;

import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import io.pusherj.http.BoundedResponseConsumer;
import io.pusherj.http.SharedHttpClient;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.hc.client5.http.async.methods.AbstractCharResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.CharCodingConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * A socket over the HTTP fallbacks (pusher-js {@code http_socket.ts}, docs/protocol.md §11): a receive request
 * reads frames as they arrive ({@code xhr_streaming}, reopened after 256 KiB) or one response at a time
 * ({@code xhr}, reissued at once after each 200); messages go out one {@code xhr_send} at a time, in
 * order. Everything is asynchronous on the shared HttpClient: no thread is held per socket.
 */
public final class XhrSocket implements TransportSocket {
    private static final System.Logger LOG = System.getLogger(XhrSocket.class.getName());
    /**
     * Bytes that are not UTF-8 become U+FFFD, as in a browser's XHR: failing the response instead would
     * drop the session, and with it every message the server had queued behind the bad one.
     */
    static final CharCodingConfig LENIENT_UTF8 = CharCodingConfig.custom()
            .setCharset(StandardCharsets.UTF_8)
            .setMalformedInputAction(CodingErrorAction.REPLACE)
            .setUnmappableInputAction(CodingErrorAction.REPLACE)
            .build();

    /** pusher-js reopens a streaming response after this many characters. */
    static final long STREAM_ROTATION_CHARS = 256 * 1024;
    /**
     * The largest answer to an {@code xhr_send} read (servers answer 204, empty): a server or proxy that
     * answers with more fails the send instead of filling memory.
     */
    static final int MAX_SEND_ANSWER_BYTES = 64 * 1024;
    /** A polling response normally comes within 25 s (server heartbeat); past this the request failed. */
    static final Timeout POLL_TIMEOUT = Timeout.ofSeconds(60);

    private enum State {
        CONNECTING,
        OPEN,
        CLOSED
    }

    private final SharedHttpClient http;
    /** The send in flight (or the last one), guarded by this object's lock. */
    private Future<SimpleHttpResponse> sendExchange;
    /** {@code ignoreNullOrigin}: present the null origin of a page-less client ({@code Origin: null}). */
    private final boolean nullOrigin;

    private final XhrSession session;
    private final boolean streaming;
    private final TransportSocketListener listener;
    /** Told once when the socket closes, however it closes (the transport forgets it). */
    private final Consumer<XhrSocket> onFinished;

    private final Deque<String> outbox = new ArrayDeque<>();
    private State state = State.CONNECTING;
    private boolean sending;
    /** The newest receive request; older ones still draining hang off it through {@code predecessor}. */
    private Receiver receiving;

    /**
     * Creates the socket; call {@link #start()} to open it.
     *
     * @param http the shared client
     * @param session the session URLs
     * @param streaming true for {@code xhr_streaming}, false for {@code xhr} polling
     * @param nullOrigin send {@code Origin: null} on every request (the {@code ignoreNullOrigin} option)
     * @param listener receives the socket's events
     * @param onFinished told once when the socket closes, by either side
     */
    public XhrSocket(
            SharedHttpClient http,
            XhrSession session,
            boolean streaming,
            boolean nullOrigin,
            TransportSocketListener listener,
            Consumer<XhrSocket> onFinished) {
        this.onFinished = onFinished;
        this.nullOrigin = nullOrigin;
        this.http = http;
        this.session = session;
        this.streaming = streaming;
        this.listener = listener;
    }

    /** Issues the first receive request. */
    public void start() {
        receive();
    }

    private void receive() {
        receive(null);
    }

    /** Opens a receive request; its frames wait until {@code predecessor} (a rotated response) has ended. */
    private synchronized void receive(Receiver predecessor) {
        if (state == State.CLOSED) {
            return;
        }
        var request = withOrigin(SimpleRequestBuilder.post(session.receiveUri(streaming ? "xhr_streaming" : "xhr"))
                        .setBody(new byte[0], ContentType.APPLICATION_JSON)
                        .setRequestConfig(RequestConfig.custom()
                                .setResponseTimeout(streaming ? Timeout.DISABLED : POLL_TIMEOUT)
                                .build()))
                .build();
        Receiver receiver = new Receiver(predecessor);
        receiving = receiver;
        receiver.exchange = http.client()
                .execute(SimpleRequestProducer.create(request), receiver, new FutureCallback<Void>() {
                    @Override
                    public void completed(Void result) {
                        receiver.ended();
                    }

                    @Override
                    public void failed(Exception e) {
                        receiver.failed(e);
                    }

                    @Override
                    public void cancelled() {
                        // Only close() and the streaming rotation cancel: both know what they are doing.
                    }
                });
    }

    /**
     * Reads one receive response. After a streaming rotation two responses overlap: the old one still
     * carries what the server wrote to it before the new request arrived, and TCP does not order two
     * connections, so the new response's frames wait in {@link #held} until the old one has ended.
     */
    private static final int DECODE_BUFFER_CHARS = 1024;

    private final class Receiver extends AbstractCharResponseConsumer<Void> implements XhrFrames.Handler {
        private final XhrFrames frames = new XhrFrames();
        private int status;
        private boolean rotated;
        /** The rotated response still draining, guarded by the socket's lock; null once it has ended. */
        private Receiver predecessor;

        private Receiver successor;
        /** Frame handling deferred while {@link #predecessor} drains or earlier deferred frames run. */
        private final Deque<Runnable> held = new ArrayDeque<>();
        /** This request, for aborting it; set under the socket's lock right after it starts. */
        private Future<?> exchange;

        Receiver(Receiver predecessor) {
            // 1 Ki chars instead of the default 8 Ki: a streaming response lives as long as its connection,
            // so this buffer is per idle client (frames are small; a big one just takes more chunks).
            super(DECODE_BUFFER_CHARS, LENIENT_UTF8);
            this.predecessor = predecessor;
            if (predecessor != null) {
                predecessor.successor = this;
            }
        }

        /** Handles a frame now, or after the rotated response before this one has delivered all of its own. */
        private void inOrder(Runnable frame) {
            synchronized (XhrSocket.this) {
                if (predecessor != null || !held.isEmpty()) {
                    held.add(frame);
                    return;
                }
            }
            frame.run();
        }

        /** The rotated response before this one has ended: handle what waited, in order, outside the lock. */
        private void predecessorEnded() {
            synchronized (XhrSocket.this) {
                predecessor = null;
            }
            while (true) {
                Runnable next;
                synchronized (XhrSocket.this) {
                    next = held.peek();
                    if (next == null) {
                        return;
                    }
                }
                next.run();
                synchronized (XhrSocket.this) {
                    held.poll(); // removed only after it ran, so frames arriving meanwhile queue behind it
                }
            }
        }

        /** Hands over to the response that replaced this one, if any. */
        private void handOver() {
            Receiver next;
            synchronized (XhrSocket.this) {
                next = successor;
            }
            if (next != null) {
                next.predecessorEnded();
            }
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) {
            status = response.getCode();
        }

        @Override
        protected int capacityIncrement() {
            return DECODE_BUFFER_CHARS;
        }

        @Override
        protected void data(CharBuffer chunk, boolean endOfStream) {
            if (status != 200) {
                return; // only 200 responses carry frames; the status decides at the end
            }
            frames.feed(chunk, this);
            // Once only: the old response keeps delivering what the server had already written to it,
            // and reopening on each of those chunks would race several responses against each other.
            // pusher-js also waits for a chunk that ends at a line end; our decoder hands out fixed-size
            // chunks that seldom do, so a response could run far past the mark. Reopening mid-line is
            // safe: this response still delivers the rest of the line, and the new one's frames wait.
            if (streaming && !rotated && frames.consumedChars() > STREAM_ROTATION_CHARS && isOpen()) {
                rotated = true;
                receive(this); // replaces this request; the server ends the old response
            }
        }

        @Override
        protected Void buildResult() {
            return null;
        }

        @Override
        public void releaseResources() {}

        /**
         * The response ended. Held like a frame: a strict SockJS server refuses a second receive request
         * with {@code c[2010,…]} and ends it, and that must not close the socket while the old response
         * still streams; the old one then simply stays in use.
         */
        void ended() {
            inOrder(() -> {
                if (rotated) {
                    handOver();
                } else if (!streaming && status == 200) {
                    receive();
                } else {
                    closed(1006, "Connection interrupted (" + status + ")", false);
                }
            });
        }

        @Override
        public void failed(Exception e) {
            inOrder(() -> {
                if (rotated) {
                    handOver(); // what it still carried is gone; the new response goes on
                } else {
                    XhrSocket.this.failed(e);
                }
            });
        }

        @Override
        public void open(String json) {
            boolean justOpened;
            IllegalArgumentException badHostname = null;
            synchronized (XhrSocket.this) {
                justOpened = state == State.CONNECTING;
                if (justOpened) {
                    String hostname = json.isEmpty() ? null : XhrFrames.Json.hostname(json);
                    if (hostname != null) {
                        try {
                            session.moveTo(hostname);
                        } catch (IllegalArgumentException e) {
                            badHostname = e; // stay on the host that answered; say why
                        }
                    }
                    state = State.OPEN;
                }
            }
            if (badHostname != null) {
                // Before the handshake nothing reaches the application's error listeners: log it.
                LOG.log(
                        System.Logger.Level.WARNING,
                        "ignored the hostname of the server''s open frame: {0}",
                        badHostname.getMessage());
            }
            if (justOpened) {
                listener.onOpen();
            } else {
                closed(1006, "Server lost session", false);
            }
        }

        @Override
        public void message(String text) {
            inOrder(() -> {
                if (isOpen()) {
                    listener.onMessage(text); // a message is activity by itself: no onActivity per message
                }
            });
        }

        @Override
        public void heartbeat() {
            inOrder(() -> {
                if (isOpen()) {
                    listener.onActivity();
                    if (streaming) {
                        ping(); // pusher-js answers a streaming heartbeat with an empty send
                    }
                }
            });
        }

        @Override
        public void close(int code, String reason) {
            inOrder(() -> closed(code, reason, true));
        }

        @Override
        public void malformed(String line) {
            listener.onError(new IOException(
                    "malformed HTTP fallback frame: " + (line.length() > 80 ? line.substring(0, 80) + "…" : line)));
        }
    }

    private SimpleRequestBuilder withOrigin(SimpleRequestBuilder b) {
        return nullOrigin ? b.setHeader("Origin", "null") : b;
    }

    private synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    private void failed(Exception e) {
        if (isOpen() || isConnecting()) {
            listener.onError(e);
            closed(1006, streaming ? "Could not start streaming" : "Could not poll", false);
        }
    }

    private synchronized boolean isConnecting() {
        return state == State.CONNECTING;
    }

    /** Reports the close once, unless the owner closed first. */
    private void closed(int code, String reason, boolean clean) {
        if (shutDown()) {
            listener.onClose(code, reason, clean);
        }
    }

    /**
     * Marks the socket closed and aborts its exchanges: the receive requests, the newest and any rotated
     * one still draining, and the send in flight. Then marks the pool's idle connections suspect: a socket
     * is often given up because its path went silent (a half-open connection), and a kept-alive connection
     * over that same path would swallow the next session's first request until it timed out.
     *
     * @return false if it already was closed
     */
    private boolean shutDown() {
        List<Future<?>> exchanges = new ArrayList<>(3);
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.CLOSED;
            outbox.clear();
            for (Receiver r = receiving; r != null; r = r.predecessor) {
                exchanges.add(r.exchange);
            }
            if (sendExchange != null) {
                exchanges.add(sendExchange);
            }
        }
        exchanges.forEach(e -> e.cancel(true));
        http.idleConnectionsSuspect();
        onFinished.accept(this);
        return true;
    }

    @Override
    public boolean send(String frame) {
        return enqueue(XhrFrames.Json.sendBody(frame));
    }

    /** The transport's ping: an empty send ({@code []}), which the server counts as activity. */
    @Override
    public void ping() {
        enqueue("[]");
    }

    private boolean enqueue(String body) {
        synchronized (this) {
            if (state != State.OPEN) {
                return false;
            }
            outbox.add(body);
            if (sending) {
                return true;
            }
            sending = true;
        }
        sendNext();
        return true;
    }

    /** One {@code xhr_send} at a time, so messages keep their order. */
    private void sendNext() {
        String body;
        synchronized (this) {
            body = outbox.poll();
            if (body == null || state != State.OPEN) {
                sending = false;
                return;
            }
        }
        SimpleHttpRequest request;
        try {
            request = withOrigin(
                            SimpleRequestBuilder.post(session.sendUri()).setBody(body, ContentType.APPLICATION_JSON))
                    .build();
        } catch (RuntimeException e) {
            // Never leave `sending` set with nothing in flight: every later send would wait forever.
            closed(1006, "Could not send: " + e.getMessage(), false);
            return;
        }
        Future<SimpleHttpResponse> exchange = http.client()
                .execute(
                        SimpleRequestProducer.create(request),
                        new BoundedResponseConsumer(MAX_SEND_ANSWER_BYTES),
                        new FutureCallback<SimpleHttpResponse>() {
                            @Override
                            public void completed(SimpleHttpResponse response) {
                                if (response.getCode() / 100 == 2) {
                                    sendNext();
                                } else {
                                    closed(1006, "Could not send (" + response.getCode() + ")", false);
                                }
                            }

                            @Override
                            public void failed(Exception e) {
                                XhrSocket.this.failed(e);
                            }

                            @Override
                            public void cancelled() {
                                closed(1006, "send cancelled", false);
                            }
                        });
        synchronized (this) {
            sendExchange = exchange; // read by shutDown only; a finished exchange ignores the cancel
        }
    }

    /** Aborts the receive request; pusher-js sends nothing, the server's session times out. */
    @Override
    public void close() {
        shutDown();
    }
}
