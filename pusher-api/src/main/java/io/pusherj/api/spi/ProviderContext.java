package io.pusherj.api.spi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * What a provider creates a client's transport with (a connection transport, an auth transport, a stats
 * transport): the part of the client's settings that reaches the network, and what the client's runtime
 * shares. Implemented by pusherj (the client, and the testkit for a transport's own tests); methods added
 * later come with a default.
 */
public interface ProviderContext {
    /** {@return the TLS context to connect with, if the application gave one; otherwise the JVM default} */
    Optional<SSLContext> sslContext();

    /** {@return the HTTP proxy to connect through ({@code CONNECT}), if the application gave one} */
    Optional<InetSocketAddress> proxy();

    /**
     * {@return the local address the transport's sockets bind to (their source address), if the application
     * gave one; otherwise the operating system's choice} A transport must bind every socket it opens to it
     * (pusherj's own do; an application that sets it relies on it to spread connections over addresses).
     */
    default Optional<InetAddress> localAddress() {
        return Optional.empty();
    }

    /**
     * {@return what the client's runtime shares between its clients: the place for a transport's HTTP or
     * WebSocket client, so they do not grow with clients}
     */
    SharedResources resources();

    /**
     * Takes a reference to the resource of {@code type} that the runtime's clients with this context's TLS
     * context, proxy and local address share (what an HTTP or WebSocket client is made from), creating it
     * with {@code factory} for the first of them.
     *
     * @param type the resource's class
     * @param factory creates the resource from this context's TLS context, proxy and local address (called
     *     under a lock:
     *     keep it quick, and never acquire another shared resource from it)
     * @param <R> the resource's type
     * @return a lease; close it to give the resource back
     * @throws IllegalStateException if the runtime is closed
     */
    default <R extends AutoCloseable> SharedResources.Lease<R> sharedPerTlsAndProxy(
            Class<R> type, Function<? super ProviderContext, ? extends R> factory) {
        // The Optionals in a list: equal by value (the TLS context by identity), and no record whose
        // generated equals and hashCode are linked on first use, 10 ms of a fresh JVM's first connect.
        return resources().acquire(type, List.of(sslContext(), proxy(), localAddress()), key -> factory.apply(this));
    }
}
