package io.pusherj.server;

import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP fallback session (docs/protocol.md §11) as a SockJS-style server keeps it. Messages for the client
 * wait in a queue until a receive request takes them as an {@code a[...]} line. A streaming receive
 * request stays open (after the 2048-{@code h} prelude and {@code o}) and gets heartbeats every
 * {@value #HEARTBEAT_SECONDS} s; a polling one gets what is queued, or waits up to
 * {@value #POLL_WAIT_SECONDS} s and gets {@code h}. Closing writes {@code c[code,"reason"]}. All writes
 * are asynchronous (no thread waits for a client); all state is guarded by this object's lock.
 */
final class HttpFallbackSession implements Peer {
    /** A heartbeat asked for while no receive request was open; guarded by this object's lock. */
    private boolean heartbeatPending;

    static final int POLL_WAIT_SECONDS = 25;
    static final int HEARTBEAT_SECONDS = 25;
    /** A session whose client has no receive request open for this long is gone. */
    static final int ABANDONED_SECONDS = 15;

    static final String PRELUDE = "h".repeat(2048) + "\n";

    private final PusherTestServer server;
    private final boolean streaming;
    private final boolean secure;
    private final String remoteAddress;
    private final Deque<String> queue = new ArrayDeque<>();
    private ServerConnection connection;
    private boolean opened;
    private boolean closed;
    private Receiver receiver;
    private ScheduledFuture<?> timer;
    /** The close frame for a client that had no receive request open when the session closed. */
    private String closeFrame = "c[3000,\"Go away!\"]\n";

    /** Turns a SockJS path message into the connection it asks for, or null when it is invalid. */
    interface PathMessage {
        ServerConnection connect(String pathMessage, Peer peer);
    }

    private final PathMessage pathMessage;

    HttpFallbackSession(PusherTestServer server, boolean streaming, Request first) {
        this(server, streaming, first, null);
    }

    /**
     * A session whose connection starts with the client's first message, the SockJS path message
     * {@code {"path":"/app/KEY?..."}} (docs/protocol.md §11.9), when {@code pathMessage} is given.
     */
    HttpFallbackSession(PusherTestServer server, boolean streaming, Request first, PathMessage pathMessage) {
        this.server = server;
        this.streaming = streaming;
        this.secure = first.isSecure();
        this.remoteAddress = Request.getRemoteAddr(first);
        this.pathMessage = pathMessage;
    }

    /** One receive request being answered; writes one chunk at a time. */
    private final class Receiver {
        private final Response response;
        private final Callback done;
        private final Deque<String> pending = new ArrayDeque<>();
        private boolean writing;
        private boolean endRequested;
        private boolean completed;

        Receiver(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        void write(String text, boolean last) {
            if (completed) {
                return;
            }
            if (!text.isEmpty()) {
                pending.add(text);
            }
            endRequested |= last;
            pump();
        }

        private void pump() {
            if (writing || completed) {
                return;
            }
            String next = pending.poll();
            if (next == null && !endRequested) {
                return;
            }
            boolean last = endRequested && pending.isEmpty();
            ByteBuffer bytes =
                    next == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(next.getBytes(StandardCharsets.UTF_8));
            writing = true;
            response.write(
                    last,
                    bytes,
                    Callback.from(
                            () -> {
                                synchronized (HttpFallbackSession.this) {
                                    writing = false;
                                    if (last) {
                                        complete(true);
                                    } else {
                                        pump();
                                    }
                                }
                            },
                            failure -> {
                                synchronized (HttpFallbackSession.this) {
                                    writing = false;
                                    complete(false);
                                }
                            }));
        }

        /** Ends the response; the session then waits for the client's next receive request. */
        void complete(boolean ok) {
            if (completed) {
                return;
            }
            completed = true;
            if (ok) {
                done.succeeded();
            } else {
                done.failed(new IOException("the client went away"));
            }
            if (receiver == this) {
                receiver = null;
                armAbandonTimer();
            }
        }
    }

    /** The connection this session carries; set before the first receive request is served. */
    synchronized void connection(ServerConnection c) {
        connection = c;
    }

    /** Serves a receive request ({@code xhr_streaming} or {@code xhr}). */
    void receive(Response response, Callback done) {
        boolean greet;
        synchronized (this) {
            cancelTimer();
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/javascript; charset=UTF-8");
            if (receiver != null && server.faults().refusesOverlappingReceives()) {
                new Receiver(response, done).write("c[2010,\"Another connection still open\"]\n", true);
                return;
            }
            if (receiver != null) {
                receiver.write("", true); // a newer receive request replaces the old one (streaming rotation)
            }
            Receiver r = new Receiver(response, done);
            receiver = r;
            greet = !opened;
            if (greet) {
                opened = true;
                r.write((streaming ? PRELUDE : "") + openFrame(), !streaming);
            } else if (closed) {
                r.write(closeFrame, true);
            } else if (heartbeatPending && queue.isEmpty()) {
                heartbeatPending = false;
                r.write("h\n", !streaming);
            } else {
                heartbeatPending = false; // messages are a sign of life too
                flush();
            }
            if (receiver == r) {
                timer = server.schedule(
                        this::idle, streaming ? HEARTBEAT_SECONDS : POLL_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
        if (greet && pathMessage == null) {
            connection.attach(this);
        }
    }

    /** {@code o}, with the hostname the server announces for sticky routing (docs/protocol.md §11.7) if any. */
    private String openFrame() {
        String hostname = server.faults().announcedHostname();
        return hostname == null
                ? "o\n"
                : "o"
                        + ServerFrames.JSON
                                .createObjectBuilder()
                                .add("hostname", hostname)
                                .build() + "\n";
    }

    /** Records one request of this session (its {@code Host}) on the connection, once it has one. */
    void requestArrived(String host, boolean receive) {
        ServerConnection c;
        synchronized (this) {
            c = connection;
        }
        if (c != null) {
            c.fallbackRequestArrived(host, receive);
        }
    }

    /**
     * Serves an {@code xhr_send} request for {@code session} (null when unknown): a JSON array of
     * strings, each one message; 204 when taken, 404 for no open session, 400 for a body that is not one.
     */
    static boolean serveSend(HttpFallbackSession session, Request request, Response response, Callback callback)
            throws IOException {
        if (session == null || !session.isOpen()) {
            return RestApiHandler.reply(response, callback, 404, "text/plain", "no such session");
        }
        List<String> messages = new ArrayList<>();
        try (var r = ServerFrames.JSON.createReader(
                new StringReader(Content.Source.asString(request, StandardCharsets.UTF_8)))) {
            for (JsonString s : r.readArray().getValuesAs(JsonString.class)) {
                messages.add(s.getString());
            }
        } catch (RuntimeException e) {
            return RestApiHandler.reply(response, callback, 400, "text/plain", "Broken JSON encoding.");
        }
        session.requestArrived(request.getHttpURI().getHost(), false);
        session.sent(messages);
        int padding = session.server.faults().sendAnswerBytes();
        if (padding > 0) {
            return RestApiHandler.reply(response, callback, 200, "text/plain", "x".repeat(padding));
        }
        response.setStatus(204);
        callback.succeeded();
        return true;
    }

    /** Messages from the client ({@code xhr_send}); an empty list is a heartbeat. */
    void sent(List<String> messages) {
        if (messages.isEmpty()) {
            ServerConnection c;
            synchronized (this) {
                c = connection;
            }
            if (c != null) {
                c.heartbeatReceived();
            }
        }
        for (String m : messages) {
            ServerConnection c;
            synchronized (this) {
                c = connection;
            }
            if (c == null && pathMessage != null) {
                ServerConnection started = pathMessage.connect(m, this);
                if (started == null) {
                    close(3000, "the first message must be the path message");
                    return;
                }
                synchronized (this) {
                    connection = started;
                }
                started.attach(this);
            } else if (c != null) {
                c.received(m);
            }
        }
    }

    /** Sends {@code h} now, or with the next receive request when none is open (between two polls). */
    @Override
    public synchronized void heartbeat() {
        if (receiver != null) {
            receiver.write("h\n", !streaming);
        } else {
            heartbeatPending = true;
        }
    }

    private synchronized void idle() {
        if (receiver == null) {
            return;
        }
        receiver.write("h\n", !streaming);
        if (receiver != null && streaming) {
            timer = server.schedule(this::idle, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Hands every queued message to the receive request as one {@code a[...]} line. */
    private void flush() {
        if (receiver == null || queue.isEmpty()) {
            return;
        }
        List<String> batch = new ArrayList<>(queue);
        queue.clear();
        receiver.write("a[" + String.join(",", batch) + "]\n", !streaming);
    }

    @Override
    public synchronized void send(String frame) {
        if (closed) {
            return;
        }
        queue.add(ServerFrames.JSON.createValue(frame).toString());
        flush();
    }

    @Override
    public void close(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cancelTimer();
            closeFrame = "c[" + code + "," + ServerFrames.JSON.createValue(reason == null ? "" : reason) + "]\n";
            if (receiver != null) {
                flush();
                receiver.write(closeFrame, true);
            }
        }
        if (connection != null) {
            connection.detached(code);
        }
    }

    @Override
    public void drop() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cancelTimer();
            if (receiver != null) {
                receiver.complete(false);
            }
        }
        if (connection != null) {
            connection.detached(1006);
        }
    }

    private void armAbandonTimer() {
        if (closed) {
            return;
        }
        cancelTimer();
        timer = server.schedule(
                () -> {
                    boolean abandoned;
                    synchronized (this) {
                        abandoned = receiver == null && !closed;
                        closed |= abandoned;
                    }
                    if (abandoned && connection != null) {
                        connection.detached(1006);
                    }
                },
                ABANDONED_SECONDS,
                TimeUnit.SECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return !closed;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }
}
