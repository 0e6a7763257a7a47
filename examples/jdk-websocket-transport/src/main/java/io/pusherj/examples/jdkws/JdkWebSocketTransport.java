package io.pusherj.examples.jdkws;

import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * One client's {@code ws} (or {@code wss}) transport. It owns one {@link HttpClient}: fine for an example,
 * but the JDK client has a thread of its own that Java 17 cannot stop (it ends when the client is garbage
 * collected), so a production transport would share one per TLS context, as {@code pusher-transport-ws}
 * shares its Tyrus client.
 */
final class JdkWebSocketTransport implements Transport {
    /** pusher-js: WebSocket transports have priority 3, above the HTTP fallbacks. */
    private static final int PRIORITY = 3;

    private final String name;
    private final HttpClient http;
    private final boolean localAddressAsked;

    JdkWebSocketTransport(TransportContext context) {
        this.name = context.transportName();
        this.localAddressAsked = context.localAddress().isPresent();
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        context.sslContext().ifPresent(b::sslContext);
        this.http = b.build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public TransportSocket open(TransportRequest request, TransportSocketListener listener) {
        if (localAddressAsked) {
            // A transport must honour every setting it is given or fail the attempt, which the client reports.
            throw new UnsupportedOperationException(
                    "the JDK WebSocket client cannot bind to a local address before Java 19 (localAddress)");
        }
        return JdkWebSocketSocket.open(http, request.webSocketUri(), listener);
    }

    @Override
    public void close() {
        // Nothing to release: the HttpClient has no close() on Java 17 (see the class comment).
    }
}
