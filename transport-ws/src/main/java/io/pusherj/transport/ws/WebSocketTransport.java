package io.pusherj.transport.ws;

import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code ws} or {@code wss} slot of one client. */
final class WebSocketTransport implements Transport {
    /** pusher-js: WebSocket transports have priority 3, HTTP ones 1. */
    static final int PRIORITY = 3;

    private final String name;
    private final SharedResources.Lease<TyrusRuntime> runtime;
    // Sockets lock themselves (WebSocketSocket): never hand them to code that could lock them too.
    private final Set<WebSocketSocket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    WebSocketTransport(String name, SharedResources.Lease<TyrusRuntime> runtime) {
        this.name = name;
        this.runtime = runtime;
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
        if (closed.get()) {
            throw new IllegalStateException("transport " + name + " is closed");
        }
        WebSocketSocket socket = new WebSocketSocket(listener, sockets::remove);
        sockets.add(socket);
        socket.start(runtime.get(), request.webSocketUri());
        return socket;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sockets.forEach(WebSocketSocket::close);
            runtime.close();
        }
    }
}
