package io.pusherj.server;

import io.pusherj.server.internal.JettyEndpoint;
import io.pusherj.server.internal.RecordedList;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client WebSocket connection as the {@link PusherTestServer} sees it: what it received, and
 * controls to script faults (close with a code, drop the TCP connection, go silent, send raw frames).
 * Thread-safe.
 */
public final class ServerConnection {
    private final PusherTestServer server;
    private final String appKey;
    private final String requestUri;
    private final RecordedList<String> received = new RecordedList<>();
    private final RecordedList<Integer> closes = new RecordedList<>();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private volatile Peer peer;
    private volatile boolean secure;
    private volatile String remoteAddress = "";
    private volatile String socketId = "";
    private volatile boolean silent;
    private final Map<String, String> presenceUserIds = new ConcurrentHashMap<>();
    private long rateWindowStart;
    private int rateWindowCount;

    /** Pusher's limit of client events per second per connection. */
    static final int CLIENT_EVENTS_PER_SECOND = 10;

    private final String transport;

    ServerConnection(PusherTestServer server, String appKey, String requestUri, String transport) {
        this.server = server;
        this.appKey = appKey;
        this.requestUri = requestUri;
        this.transport = transport;
    }

    private volatile String origin;
    private final RecordedList<Boolean> requestIsReceive = new RecordedList<>();
    private final RecordedList<String> requestHosts = new RecordedList<>();

    /**
     * For HTTP fallback sessions: waits until the client has made at least {@code count} receive requests
     * (a streaming client makes one more each time it rotates its response) and returns how many it made.
     *
     * @param count how many requests, at least
     * @param timeout how long to wait
     * @return the number made so far
     */
    public int awaitReceiveRequests(int count, Duration timeout) {
        requestIsReceive.await(Boolean::booleanValue, count, timeout, "receive requests");
        return (int) requestIsReceive.snapshot().stream()
                .filter(Boolean::booleanValue)
                .count();
    }

    /**
     * For HTTP fallback sessions: the receive requests the client has made so far.
     *
     * @return the number of receive requests
     */
    public int receiveRequests() {
        return (int) requestIsReceive.snapshot().stream()
                .filter(Boolean::booleanValue)
                .count();
    }

    /**
     * For HTTP fallback sessions: the {@code Host} header of each request (receive and send), in order.
     *
     * @return the hosts, in order
     */
    public List<String> requestHosts() {
        return requestHosts.snapshot();
    }

    void fallbackRequestArrived(String host, boolean receive) {
        requestHosts.add(host);
        requestIsReceive.add(receive);
    }

    /** {@return the {@code Origin} header of the request that started this connection, if it had one} */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    void origin(String value) {
        origin = value;
    }

    /** {@return how the client is connected: {@code ws}, {@code xhr_streaming} or {@code xhr_polling}} */
    public String transport() {
        return transport;
    }

    private final long openedAtNanos = System.nanoTime();
    private volatile long closedAtNanos;

    /** {@return when the connection was opened, as {@link System#nanoTime()}} */
    public long openedAtNanos() {
        return openedAtNanos;
    }

    /** {@return the close code the connection ended with (1006 for a drop); empty while open} */
    public OptionalInt closeCode() {
        List<Integer> codes = closes.snapshot();
        return codes.isEmpty() ? OptionalInt.empty() : OptionalInt.of(codes.get(0));
    }

    /** {@return when the connection closed (by either side), as {@link System#nanoTime()}; empty while open} */
    public OptionalLong closedAtNanos() {
        long t = closedAtNanos;
        return t == 0 ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** The client end is up: the server greets it. */
    void attach(Peer p) {
        peer = p;
        secure = p.isSecure();
        remoteAddress = p.remoteAddress();
        server.opened(this);
    }

    /** A message from the client. */
    void received(String message) {
        received.add(message);
        server.frameReceived(this, message);
    }

    /** The client end is gone. */
    void detached(int code) {
        closedAtNanos = System.nanoTime();
        closes.add(code);
        // A closed connection keeps its record, not its socket: a test that opens thousands must not hold
        // every session with its buffers.
        peer = null;
        server.closed(this);
    }

    /** {@return the Jetty endpoint; Jetty types stay out of this class's API} */
    JettyEndpoint endpoint() {
        return new JettyEndpoint(new JettyEndpoint.Events() {
            @Override
            public void opened(Session s) {
                attach(new WebSocketPeer(s));
            }

            @Override
            public void text(String message) {
                received(message);
            }

            @Override
            public void closed(int code) {
                detached(code);
            }
        });
    }

    /** {@return the app key from the request path} */
    public String appKey() {
        return appKey;
    }

    /** {@return the request path and query the client connected with} */
    public String requestUri() {
        return requestUri;
    }

    /** {@return the socket id sent in {@code connection_established}; empty before it was sent} */
    public String socketId() {
        return socketId;
    }

    void socketId(String id) {
        socketId = id;
    }

    /**
     * Channels this connection is subscribed to.
     *
     * @return the channel names
     */
    public Set<String> channels() {
        return Set.copyOf(channels);
    }

    Set<String> channelSet() {
        return channels;
    }

    private final RecordedList<String> subscribed = new RecordedList<>();

    void recordSubscribed(String channel) {
        subscribed.add(channel);
    }

    /**
     * Whether this connection has subscribed to {@code channel} and the server has sent every frame of the
     * subscription: an event published from now on reaches it.
     *
     * @param channel the channel name
     * @return true once subscribed
     */
    public boolean isSubscribed(String channel) {
        return subscribed.snapshot().contains(channel);
    }

    /**
     * Waits until this connection has subscribed to {@code channel} and the server has sent every frame of
     * the subscription (events published from then on reach it, after those frames): after a reconnect, the old
     * connection may still count as a subscriber for a while (an HTTP fallback session lingers until its
     * timeout), so a subscriber count cannot tell the two apart.
     *
     * @param channel the channel name
     * @param timeout how long to wait
     */
    public void awaitSubscribed(String channel, Duration timeout) {
        subscribed.await(channel::equals, 1, timeout, "a subscription to " + channel);
    }

    /** Counts a client event; false once more than 10 arrived within one second (then 4301). */
    synchronized boolean allowClientEvent(long nowNanos) {
        if (nowNanos - rateWindowStart > 1_000_000_000L) {
            rateWindowStart = nowNanos;
            rateWindowCount = 0;
        }
        return ++rateWindowCount <= CLIENT_EVENTS_PER_SECOND;
    }

    private volatile String signedInUserId;
    private volatile JsonValue signedInUserInfo = JsonValue.NULL;

    /** {@return the user id this connection signed in as; empty before a successful sign-in} */
    public Optional<String> signedInUserId() {
        return Optional.ofNullable(signedInUserId);
    }

    JsonValue signedInUserInfo() {
        return signedInUserInfo;
    }

    void signedIn(String userId, JsonValue info) {
        signedInUserId = userId;
        signedInUserInfo = info;
    }

    /** The presence user id this connection joined {@code channel} with, or null. */
    String userIdIn(String channel) {
        return presenceUserIds.get(channel);
    }

    void presenceUserId(String channel, String userId) {
        if (userId == null) {
            presenceUserIds.remove(channel);
        } else {
            presenceUserIds.put(channel, userId);
        }
    }

    /** {@return every text frame received from the client, in order} */
    public List<String> receivedFrames() {
        return received.snapshot();
    }

    /**
     * Waits for a received frame matching {@code filter}; returns the first one.
     *
     * @param filter which frames count
     * @param timeout how long to wait
     * @return the frame text
     */
    public String awaitFrame(Predicate<String> filter, Duration timeout) {
        return received.await(filter, 1, timeout, "a matching frame from the client")
                .get(0);
    }

    /**
     * Waits until {@code count} received frames match {@code filter}; returns them, in order.
     *
     * @param filter which frames count
     * @param count how many, at least
     * @param timeout how long to wait
     * @return the matching frames so far
     */
    public List<String> awaitFrames(Predicate<String> filter, int count, Duration timeout) {
        return received.await(filter, count, timeout, count + " matching frames from the client");
    }

    /**
     * Waits for a received frame containing {@code text}; returns it.
     *
     * @param text the text to look for
     * @param timeout how long to wait
     * @return the frame text
     */
    public String awaitFrameContaining(String text, Duration timeout) {
        return received.await(f -> f.contains(text), 1, timeout, "a frame containing " + text)
                .get(0);
    }

    /**
     * Waits until the connection is closed (by either side); returns the close code.
     *
     * @param timeout how long to wait
     * @return the close code
     */
    public int awaitClosed(Duration timeout) {
        return closes.await(c -> true, 1, timeout, "the connection to close").get(0);
    }

    /** {@return whether the connection is open} */
    public boolean isOpen() {
        Peer p = peer;
        return p != null && p.isOpen();
    }

    /** {@return whether the client connected over TLS} */
    public boolean isSecure() {
        return secure;
    }

    /** {@return the IP address the client connected from (empty until its socket is up)} */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** {@return whether {@link #goSilent()} was called} */
    public boolean isSilent() {
        return silent;
    }

    /**
     * Sends a raw text frame, exactly as given (even if this connection is silent).
     *
     * @param frame the frame text
     */
    public void sendRaw(String frame) {
        Peer p = peer;
        if (p != null) {
            p.send(frame);
        }
    }

    /**
     * Sends a binary WebSocket message holding {@code text} in UTF-8 (Pusher carries text frames only; a
     * client must cope with a server or proxy that sends binary ones).
     *
     * @param text the message text
     * @throws IllegalStateException if the connection is not a WebSocket
     */
    public void sendBinary(String text) {
        Peer p = peer;
        if (p != null) {
            p.sendBinary(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Completes the handshake by hand, on a server that {@linkplain ServerFaults#holdHandshakes() holds
     * handshakes}: gives the connection a socket id and sends {@code pusher:connection_established} with
     * {@code activityTimeout} as the raw JSON value of {@code activity_timeout} (a number of seconds
     * normally; {@code "30"} or {@code 0.5} to see how a client takes odd values).
     *
     * @param activityTimeout the JSON text of the {@code activity_timeout} value
     * @return the socket id
     */
    public String establish(String activityTimeout) {
        String id = server.newSocketId();
        socketId(id);
        sendRaw(ServerFrames.event(
                "pusher:connection_established",
                null,
                "{\"socket_id\":\"" + id + "\",\"activity_timeout\":" + activityTimeout + "}"));
        return id;
    }

    /** Sends a frame unless silent. */
    void send(String frame) {
        if (!silent) {
            sendRaw(frame);
        }
    }

    /**
     * Sends {@code count} events on {@code channel} as fast as the client drains them, for load tests: at
     * most {@code window} frames are in flight, so a slow client slows the sender down instead of filling
     * the server's memory. Blocks until the last frame was written.
     *
     * @param channel the channel name
     * @param event the event name
     * @param count how many events
     * @param dataAt the data of the event with index 0 … count-1
     * @param window the most frames in flight
     * @return nanoseconds from the first send until the last frame was written
     * @throws IllegalStateException if the connection closed, or no frame was written for 30 s
     */
    public long flood(String channel, String event, int count, IntFunction<String> dataAt, int window) {
        return floodFrames(count, i -> ServerFrames.event(event, channel, dataAt.apply(i)), window);
    }

    /**
     * {@link #flood} with frames the caller writes itself, exactly as given: a feeder that must outrun a
     * fast client cannot afford a JSON generator per frame.
     *
     * @param count how many frames
     * @param frameAt the frame with index 0 … count-1
     * @param window the most frames in flight
     * @return nanoseconds from the first send until the last frame was written
     * @throws IllegalStateException if the connection closed, or no frame was written for 30 s
     */
    public long floodFrames(int count, IntFunction<String> frameAt, int window) {
        Peer p = peer;
        if (p == null || window < 1) {
            throw new IllegalStateException("cannot flood " + this + " with a window of " + window);
        }
        Semaphore inFlight = new Semaphore(window);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                awaitPermits(inFlight, 1, p);
                p.send(frameAt.apply(i), inFlight::release);
            }
            awaitPermits(inFlight, window, p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("flood interrupted", e);
        }
        return System.nanoTime() - start;
    }

    private void awaitPermits(Semaphore inFlight, int permits, Peer p) throws InterruptedException {
        if (!inFlight.tryAcquire(permits, FLOOD_STALL_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "flood stalled: nothing written for " + FLOOD_STALL_SECONDS + " s to " + this);
        }
        if (!p.isOpen()) {
            throw new IllegalStateException("connection closed during the flood: " + this);
        }
    }

    private static final int FLOOD_STALL_SECONDS = 30;

    private final RecordedList<Boolean> clientHeartbeats = new RecordedList<>();

    void heartbeatReceived() {
        clientHeartbeats.add(true);
    }

    /**
     * For HTTP fallback sessions: waits until the client has sent {@code count} heartbeats ({@code []}, its ping).
     *
     * @param count how many heartbeats, at least
     * @param timeout how long to wait
     */
    public void awaitClientHeartbeats(int count, Duration timeout) {
        clientHeartbeats.await(x -> true, count, timeout, "heartbeats from the client");
    }

    /**
     * Heartbeats ({@code []}) the client has sent on this HTTP fallback session.
     *
     * @return the number of heartbeats
     */
    public int clientHeartbeats() {
        return clientHeartbeats.snapshot().size();
    }

    /**
     * For HTTP fallback sessions: sends a heartbeat ({@code h}) now. The session also sends one every
     * 25 s of real time, which a test on virtual time never sees.
     */
    public void sendHeartbeat() {
        Peer p = peer;
        if (p != null) {
            p.heartbeat();
        }
    }

    /** Sends {@code pusher:ping}, as soketi and Reverb do to idle clients. */
    public void sendPing() {
        sendRaw(ServerFrames.event("pusher:ping", null, "{}"));
    }

    /**
     * Closes the connection with a close code and reason (a Pusher 4xxx code, for instance).
     *
     * @param code the close code
     * @param reason the close reason
     */
    public void close(int code, String reason) {
        Peer p = peer;
        if (p != null) {
            p.close(code, reason);
        }
    }

    /** Drops the connection without a close handshake (the client sees 1006). */
    public void drop() {
        Peer p = peer;
        if (p != null) {
            p.drop();
        }
    }

    /** Stops sending anything, pongs included; the socket stays open (a half-open connection). */
    public void goSilent() {
        silent = true;
    }

    @Override
    public String toString() {
        return "ServerConnection[" + socketId + ", " + requestUri + "]";
    }
}
