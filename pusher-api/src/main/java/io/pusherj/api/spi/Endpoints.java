package io.pusherj.api.spi;

import java.util.Objects;

/**
 * Where a client's transports connect: the hosts, ports and paths in force, worked out by the client from
 * its options (docs/protocol.md §1.2): {@code ws-CLUSTER.pusher.com} and {@code sockjs-CLUSTER.pusher.com}
 * unless hosts are set, and the HTTP fallbacks on {@code wsHost} when only that one is set, so a
 * self-hosted app never sends fallback traffic to pusher.com.
 *
 * @param wsHost the WebSocket host
 * @param wsPort the port of {@code ws://}
 * @param wssPort the port of {@code wss://}
 * @param wsPath the path prefix before {@code /app/KEY} on WebSocket URLs, empty for none
 * @param httpHost the HTTP fallbacks' host
 * @param httpPort the port of {@code http://} fallbacks
 * @param httpsPort the port of {@code https://} fallbacks
 * @param httpPath the HTTP fallbacks' path prefix (SockJS's base path)
 */
public record Endpoints(
        String wsHost,
        int wsPort,
        int wssPort,
        String wsPath,
        String httpHost,
        int httpPort,
        int httpsPort,
        String httpPath) {

    /**
     * Checks that nothing is missing.
     *
     * @param wsHost the WebSocket host
     * @param wsPort the port of {@code ws://}
     * @param wssPort the port of {@code wss://}
     * @param wsPath the path prefix before {@code /app/KEY} on WebSocket URLs, empty for none
     * @param httpHost the HTTP fallbacks' host
     * @param httpPort the port of {@code http://} fallbacks
     * @param httpsPort the port of {@code https://} fallbacks
     * @param httpPath the HTTP fallbacks' path prefix (SockJS's base path)
     */
    public Endpoints {
        Objects.requireNonNull(wsHost, "wsHost");
        Objects.requireNonNull(wsPath, "wsPath");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(httpPath, "httpPath");
    }
}
