package io.pusherj.api;

import java.util.Objects;

/**
 * The transport that last connected (pusher-js's {@code pusherTransportTLS} entry, docs/protocol.md §10.5).
 *
 * @param transport the slot name, e.g. {@code xhr_streaming}
 * @param timestampMillis when it was stored, on the client's clock (wall-clock milliseconds by default)
 * @param latencyMillis how long connecting took
 * @param cacheSkipCount how many times an HTTP transport was skipped to give WebSocket another chance
 */
public record CachedTransport(String transport, long timestampMillis, long latencyMillis, int cacheSkipCount) {
    /**
     * Validates the components.
     *
     * @param transport the slot name, e.g. {@code xhr_streaming}
     * @param timestampMillis when it was stored, on the client's clock (wall-clock milliseconds by default)
     * @param latencyMillis how long connecting took
     * @param cacheSkipCount how many times an HTTP transport was skipped to give WebSocket another chance
     */
    public CachedTransport {
        Objects.requireNonNull(transport, "transport");
    }
}
