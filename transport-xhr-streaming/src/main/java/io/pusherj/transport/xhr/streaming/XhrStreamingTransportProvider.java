package io.pusherj.transport.xhr.streaming;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.TransportNames;
import io.pusherj.api.spi.Transport;
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
    public Transport create(String transportName, PusherOptions options) {
        if (!TransportNames.XHR_STREAMING.equals(transportName)) {
            throw new IllegalArgumentException("this provider serves xhr_streaming, not " + transportName);
        }
        return new XhrTransport(TransportNames.XHR_STREAMING, true, options);
    }
}
