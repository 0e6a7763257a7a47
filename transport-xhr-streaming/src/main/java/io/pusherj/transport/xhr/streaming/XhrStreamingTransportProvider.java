package io.pusherj.transport.xhr.streaming;

import io.pusherj.api.TransportNames;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportProvider;
import io.pusherj.xhr.XhrTransport;
import java.util.Set;

/** Provides the {@code xhr_streaming} slot. */
public final class XhrStreamingTransportProvider implements TransportProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public XhrStreamingTransportProvider() {}

    @Override
    public Set<String> transportNames() {
        return Set.of(TransportNames.XHR_STREAMING);
    }

    @Override
    public Transport create(TransportContext context) {
        if (!TransportNames.XHR_STREAMING.equals(context.transportName())) {
            throw new IllegalArgumentException("this provider serves xhr_streaming, not " + context.transportName());
        }
        return new XhrTransport(context, true);
    }
}
