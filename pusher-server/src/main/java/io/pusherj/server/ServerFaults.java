package io.pusherj.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults a {@link PusherTestServer} plays, from {@link PusherTestServer#faults()}: transports refused or
 * blocked, handshakes delayed, failed, replaced or held, auth endpoint failures per channel, and HTTP
 * fallback quirks. Each applies to what comes next; thread-safe.
 */
public final class ServerFaults {
    private final Map<String, AuthFault> authFaults = new ConcurrentHashMap<>();
    private final Set<String> blockedTransports = ConcurrentHashMap.newKeySet();
    private volatile String announcedHostname;
    private volatile boolean refuseOverlappingReceives;
    private volatile int sendAnswerBytes;
    private volatile Duration handshakeDelay = Duration.ZERO;
    private volatile Integer handshakeErrorCode; // null: no failure
    private volatile String handshakeReplacement; // null: the normal connection_established
    private volatile boolean holdHandshakes;

    ServerFaults() {}

    /**
     * While true, every transport is refused: WebSocket upgrades and HTTP fallback receive requests are
     * answered with HTTP 503 (a server that refuses connections).
     *
     * @param refuse whether to refuse
     */
    public void refuseConnections(boolean refuse) {
        for (String t : List.of("ws", "xhr_streaming", "xhr_polling", "sockjs")) {
            blockTransport(t, refuse);
        }
    }

    /**
     * Blocks one transport ({@code ws}, {@code xhr_streaming}, {@code xhr_polling}, {@code sockjs}, or only
     * SockJS's WebSocket with {@code sockjs-websocket}) with HTTP 503, like
     * a proxy or network that lets only some through; used to test fallbacks.
     *
     * @param transport the transport
     * @param blocked whether to block it
     */
    public void blockTransport(String transport, boolean blocked) {
        if (blocked) {
            blockedTransports.add(transport);
        } else {
            blockedTransports.remove(transport);
        }
    }

    /**
     * Makes new HTTP fallback sessions announce {@code hostname} in their open frame
     * ({@code o{"hostname":"…"}}, docs/protocol.md §11.7), so the client sends the rest of the session there
     * (sticky routing); {@link java.util.Optional#empty()} turns it off. Use a name of this loopback
     * server, e.g. {@code localhost} when clients connect to {@code 127.0.0.1}.
     *
     * @param hostname the hostname, or empty for none
     */
    public void announceHostname(Optional<String> hostname) {
        announcedHostname = hostname.orElse(null);
    }

    /**
     * While true, an HTTP fallback session refuses a second receive request while one is still open, as
     * sockjs-node does: the newcomer gets {@code c[2010,"Another connection still open"]} and ends, the
     * open one goes on. By default the newer request replaces the older one.
     *
     * @param refuse whether to refuse
     */
    public void refuseOverlappingReceives(boolean refuse) {
        refuseOverlappingReceives = refuse;
    }

    boolean refusesOverlappingReceives() {
        return refuseOverlappingReceives;
    }

    /**
     * Makes HTTP fallback sessions answer each {@code xhr_send} with 200 and a body of {@code bytes} bytes
     * instead of an empty 204 (a misbehaving server or proxy); 0 restores the empty answer. The messages
     * are still taken.
     *
     * @param bytes the body size, 0 or more
     */
    public void answerSendsWith(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be 0 or more, got " + bytes);
        }
        sendAnswerBytes = bytes;
    }

    int sendAnswerBytes() {
        return sendAnswerBytes;
    }

    /** {@return the hostname new HTTP fallback sessions announce, or null} */
    String announcedHostname() {
        return announcedHostname;
    }

    /**
     * Delays {@code pusher:connection_established} on new connections (zero to send at once).
     *
     * @param delay the delay, zero for none
     */
    public void delayHandshake(Duration delay) {
        handshakeDelay = Objects.requireNonNull(delay);
    }

    /**
     * Makes new connections fail their handshake as Pusher does for an over-quota app: a
     * {@code pusher:error} frame with {@code code}, then a close with the same code, until
     * {@link #normalHandshakes()}. With 4200 this is a server shutting down gracefully, as soketi and
     * Reverb do: they keep accepting for a few seconds and close every new connection at once.
     *
     * @param code the Pusher error code, e.g. 4004
     */
    public void failHandshakes(int code) {
        handshakeErrorCode = code;
    }

    /**
     * Sends {@code frame} instead of {@code connection_established} on new connections, until
     * {@link #normalHandshakes()}.
     *
     * @param frame the raw frame text
     */
    public void replaceHandshake(String frame) {
        handshakeReplacement = Objects.requireNonNull(frame, "frame");
    }

    /**
     * New connections get no greeting until the test completes the handshake itself with
     * {@link ServerConnection#establish(String)}, sends something else, or closes them; until
     * {@link #normalHandshakes()}. For step-by-step scripts of the handshake.
     */
    public void holdHandshakes() {
        holdHandshakes = true;
    }

    /**
     * Undoes {@link #failHandshakes(int)}, {@link #replaceHandshake(String)} and {@link #holdHandshakes()}:
     * new connections are welcomed.
     */
    public void normalHandshakes() {
        handshakeErrorCode = null;
        handshakeReplacement = null;
        holdHandshakes = false;
    }

    /**
     * Makes the auth endpoint misbehave for one channel ({@code *} for every channel).
     *
     * @param channel the channel name, or {@code *}
     * @param fault how to misbehave
     */
    public void authFault(String channel, AuthFault fault) {
        authFaults.put(channel, fault);
    }

    /** Restores normal signing for every channel. */
    public void clearAuthFaults() {
        authFaults.clear();
    }

    boolean isBlocked(String transport) {
        return blockedTransports.contains(transport);
    }

    AuthFault authFaultFor(String channel) {
        AuthFault f = authFaults.get(channel);
        return f != null ? f : authFaults.get("*");
    }

    Duration handshakeDelay() {
        return handshakeDelay;
    }

    Integer handshakeErrorCode() {
        return handshakeErrorCode;
    }

    String handshakeReplacement() {
        return handshakeReplacement;
    }

    boolean holdsHandshakes() {
        return holdHandshakes;
    }
}
