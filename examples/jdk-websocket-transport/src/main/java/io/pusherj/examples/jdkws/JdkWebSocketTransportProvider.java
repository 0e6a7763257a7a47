package io.pusherj.examples.jdkws;

import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportProvider;
import java.util.Set;

/**
 * Serves the {@code ws} and {@code wss} slots with the JDK's WebSocket client. Found by
 * {@link java.util.ServiceLoader} through {@code provides} (module path) and {@code META-INF/services}
 * (class path); the public no-argument constructor is what the class path needs.
 */
public final class JdkWebSocketTransportProvider implements TransportProvider {
    @Override
    public Set<String> transportNames() {
        return Set.of("ws", "wss");
    }

    @Override
    public Transport create(TransportContext context) {
        return new JdkWebSocketTransport(context);
    }
}
