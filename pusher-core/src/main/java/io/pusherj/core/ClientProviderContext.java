package io.pusherj.core;

import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.SharedResources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The client's side of {@link ProviderContext}: its TLS context, proxy and local address, and its runtime's shared
 * resources; made once per client, for every transport it creates.
 */
record ClientProviderContext(
        Optional<SSLContext> sslContext,
        Optional<InetSocketAddress> proxy,
        Optional<InetAddress> localAddress,
        SharedResources resources)
        implements ProviderContext {}
