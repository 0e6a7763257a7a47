package io.pusherj.core.strategy;

import io.pusherj.api.ReconnectBackoff;
import io.pusherj.api.TransportCache;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.core.runtime.ClientLoop;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the default strategy tree of one client is built from, built once per client: the connection
 * manager asks for a fresh tree on every connection attempt ({@link #build(boolean)}), and what must
 * outlive a tree (the transport managers' lives, the transport cache) lives here.
 *
 * @param appKey the app key (part of the transport cache key)
 * @param usableTransport the transport of a slot, or null when the slot is unusable
 * @param requestFor the request of a slot for a TLS flag
 * @param leafFactory makes the leaf strategy of a slot from its transport and request
 * @param plainManagers the transport managers (lives) of the non-TLS tree
 * @param tlsManagers the transport managers of the TLS tree (pusher-js keeps one set per flag)
 * @param cache where the transport that worked is remembered
 * @param loop the strand and timer
 * @param backoff how the retry loops pace early failures; empty for pusher-js's 15 s budgets
 */
public record StrategyContext(
        String appKey,
        Function<String, Transport> usableTransport,
        BiFunction<String, Boolean, TransportRequest> requestFor,
        DefaultStrategy.LeafFactory leafFactory,
        TransportManagers plainManagers,
        TransportManagers tlsManagers,
        TransportCache cache,
        ClientLoop loop,
        Optional<ReconnectBackoff> backoff) {

    /** Checks that nothing is missing. */
    public StrategyContext {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(usableTransport, "usableTransport");
        Objects.requireNonNull(requestFor, "requestFor");
        Objects.requireNonNull(leafFactory, "leafFactory");
        Objects.requireNonNull(plainManagers, "plainManagers");
        Objects.requireNonNull(tlsManagers, "tlsManagers");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** {@return the transport managers of the tree for this TLS flag} */
    TransportManagers managers(boolean useTLS) {
        return useTLS ? tlsManagers : plainManagers;
    }

    /** {@return the transport cache key for this TLS flag, pusher-js's localStorage key} */
    public String cacheKey(boolean useTLS) {
        // Interned: an in-memory cache keeps its key for as long as the client lives, and every client of an
        // app key has the same two keys (72 bytes each, BENCHMARKS.md); a JVM sees a handful of app keys.
        return ("pusherTransport" + (useTLS ? "TLS" : "NonTLS") + ":" + appKey).intern();
    }

    /** {@return a fresh default tree for this TLS flag} */
    public Strategy build(boolean useTLS) {
        return DefaultStrategy.build(useTLS, this);
    }
}
