package io.pusherj.core;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.Scheduler;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.TransportContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** The client's side of {@link TransportContext}: one per slot, made when the client is created. */
record ClientTransportContext(
        String transportName,
        Endpoints endpoints,
        boolean ignoreNullOrigin,
        Scheduler scheduler,
        ProviderContext client)
        implements TransportContext {

    static ClientTransportContext of(
            String transportName, PusherOptions options, Scheduler scheduler, ProviderContext client) {
        return new ClientTransportContext(
                transportName, ClientEndpoints.of(options), options.ignoreNullOrigin(), scheduler, client);
    }

    @Override
    public Optional<SSLContext> sslContext() {
        return client.sslContext();
    }

    @Override
    public Optional<InetSocketAddress> proxy() {
        return client.proxy();
    }

    @Override
    public Optional<InetAddress> localAddress() {
        return client.localAddress();
    }

    @Override
    public SharedResources resources() {
        return client.resources();
    }
}
