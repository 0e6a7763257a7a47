package io.pusherj.api.spi;

import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What a transport is created with: the slot, and the part of the client's settings a transport needs
 * (not the client's whole options: auth, listeners and the like are none of a transport's business). The
 * client implements it; a transport only reads it. Methods may be added in later versions.
 */
public interface TransportContext {
    /** {@return the slot the transport serves: {@code ws}, {@code wss}, {@code xhr_streaming}, ...} */
    String transportName();

    /** {@return where the client's transports connect (the URLs themselves come with each request)} */
    Endpoints endpoints();

    /** {@return the TLS context to connect with, if the application gave one; otherwise the JVM default} */
    Optional<SSLContext> sslContext();

    /** {@return the HTTP proxy to connect through ({@code CONNECT}), if the application gave one} */
    Optional<InetSocketAddress> proxy();

    /**
     * {@return whether the HTTP fallbacks present a null origin ({@code Origin: null}), the Channels docs'
     * {@code ignoreNullOrigin}}
     */
    boolean ignoreNullOrigin();

    /** {@return the client's timer and clock (virtual in tests): for a transport's own timeouts} */
    Scheduler scheduler();

    /**
     * {@return what the client's runtime shares between its clients: the place for a transport's HTTP or
     * WebSocket client, so they do not grow with clients}
     */
    SharedResources resources();
}
