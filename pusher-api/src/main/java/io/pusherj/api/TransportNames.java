package io.pusherj.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The transport slot names of the default strategy, as used by {@code enabledTransports} and
 * {@code disabledTransports}.
 */
public final class TransportNames {
    /** WebSocket; uses {@code wss://} when TLS is in force. */
    public static final String WS = "ws";
    /** WebSocket over TLS, raced only when TLS is not forced. */
    public static final String WSS = "wss";
    /** HTTP streaming fallback. */
    public static final String XHR_STREAMING = "xhr_streaming";
    /** HTTP long-polling fallback. */
    public static final String XHR_POLLING = "xhr_polling";
    /** SockJS fallback. */
    public static final String SOCKJS = "sockjs";

    /** Every slot name, in the Channels docs' order (iteration keeps it). */
    public static final Set<String> ALL =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of(WS, WSS, XHR_STREAMING, XHR_POLLING, SOCKJS)));

    private TransportNames() {}

    /**
     * The Maven artifact that provides a slot, for error messages.
     *
     * @param transportName a slot name
     * @return the artifact id of the module that provides it
     */
    public static String artifactFor(String transportName) {
        return switch (transportName) {
            case WS, WSS -> "io.pusherj:pusher-transport-ws";
            case XHR_STREAMING -> "io.pusherj:pusher-transport-xhr-streaming";
            case XHR_POLLING -> "io.pusherj:pusher-transport-xhr-polling";
            case SOCKJS -> "io.pusherj:pusher-transport-sockjs";
            default -> throw new IllegalArgumentException("unknown transport: " + transportName);
        };
    }
}
