package io.pusherj.transport.ws;

import io.pusherj.api.TransportNames;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportProvider;
import java.util.Set;

/** Provides the {@code ws} and {@code wss} slots. */
public final class WebSocketTransportProvider implements TransportProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public WebSocketTransportProvider() {}

    @Override
    public Set<String> transportNames() {
        return Set.of(TransportNames.WS, TransportNames.WSS);
    }

    @Override
    public Transport create(TransportContext context) {
        String transportName = context.transportName();
        if (!transportNames().contains(transportName)) {
            throw new IllegalArgumentException("this provider serves ws and wss, not " + transportName);
        }
        return new WebSocketTransport(transportName, TyrusRuntime.acquire(context));
    }
}
