package io.pusherj.transport.xhr.polling;

import io.pusherj.api.TransportNames;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
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
    public Transport create(TransportContext context) {
        if (!TransportNames.XHR_POLLING.equals(context.transportName())) {
            throw new IllegalArgumentException("this provider serves xhr_polling, not " + context.transportName());
        }
        return new XhrTransport(context, false);
    }
}
