package io.pusherj.transport.sockjs;

import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code sockjs} slot of one client, priority 1. Unlike pusher-js (whose SockJS transport declares
 * {@code handlesActivityChecks}), the core keeps its ping timer here: Spring's SockJS client consumes
 * the server's heartbeats without telling anyone and never notices a server that went silent, so the
 * {@code pusher:ping}/{@code pusher:pong} check is what detects a dead connection (docs/decisions.md).
 */
final class SockJsTransport implements Transport {
    static final int PRIORITY = 1;

    private final SharedResources.Lease<SockJsRuntime> runtime;
    private final Set<SockJsSocket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private final boolean nullOrigin;

    SockJsTransport(SharedResources.Lease<SockJsRuntime> runtime, boolean nullOrigin) {
        this.runtime = runtime;
        this.nullOrigin = nullOrigin;
    }

    @Override
    public String name() {
        return "sockjs";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public TransportSocket open(TransportRequest request, TransportSocketListener listener) {
        if (closed.get()) {
            throw new IllegalStateException("transport sockjs is closed");
        }
        SockJsSocket socket = new SockJsSocket(runtime.get(), request.genericPath(), listener, sockets::remove);
        sockets.add(socket);
        socket.start(request.httpBaseUri(), nullOrigin);
        return socket;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sockets.forEach(SockJsSocket::close);
            runtime.close();
        }
    }
}
