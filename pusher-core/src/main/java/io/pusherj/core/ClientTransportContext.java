package io.pusherj.core;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.Scheduler;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.TransportContext;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** The client's side of {@link TransportContext}: one per slot, made when the client is created. */
record ClientTransportContext(
        String transportName,
        Endpoints endpoints,
        Optional<SSLContext> sslContext,
        Optional<InetSocketAddress> proxy,
        boolean ignoreNullOrigin,
        Scheduler scheduler,
        SharedResources resources)
        implements TransportContext {

    static ClientTransportContext of(
            String transportName, PusherOptions options, Scheduler scheduler, SharedResources resources) {
        return new ClientTransportContext(
                transportName,
                ClientEndpoints.of(options),
                options.sslContext(),
                options.proxy(),
                options.ignoreNullOrigin(),
                scheduler,
                resources);
    }
}
