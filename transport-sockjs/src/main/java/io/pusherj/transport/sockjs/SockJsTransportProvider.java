package io.pusherj.transport.sockjs;

import io.pusherj.api.TransportNames;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportProvider;
import java.util.Set;

/** Provides the {@code sockjs} slot. */
public final class SockJsTransportProvider implements TransportProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public SockJsTransportProvider() {}

    @Override
    public Set<String> transportNames() {
        return Set.of(TransportNames.SOCKJS);
    }

    @Override
    public Transport create(TransportContext context) {
        if (!TransportNames.SOCKJS.equals(context.transportName())) {
            throw new IllegalArgumentException("this provider serves sockjs, not " + context.transportName());
        }
        return new SockJsTransport(context);
    }
}
