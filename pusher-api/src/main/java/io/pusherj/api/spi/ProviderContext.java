package io.pusherj.api.spi;

import java.net.InetSocketAddress;
import java.util.Optional;
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
     * {@return what the client's runtime shares between its clients: the place for a transport's HTTP or
     * WebSocket client, so they do not grow with clients}
     */
    SharedResources resources();
}
