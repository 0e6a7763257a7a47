package io.pusherj.transport.xhr.polling;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.TransportNames;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportProvider;
import io.pusherj.xhr.XhrTransport;
import java.util.Set;

/** Provides the {@code xhr_polling} slot. */
public final class XhrPollingTransportProvider implements TransportProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public XhrPollingTransportProvider() {}

    @Override
    public Set<String> transportNames() {
        return Set.of(TransportNames.XHR_POLLING);
    }

    @Override
    public Transport create(String transportName, PusherOptions options) {
        if (!TransportNames.XHR_POLLING.equals(transportName)) {
            throw new IllegalArgumentException("this provider serves xhr_polling, not " + transportName);
        }
        return new XhrTransport(TransportNames.XHR_POLLING, false, options);
    }
}
