package io.pusherj.transport.sockjs;

import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
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

    private final TransportContext context;
    /**
     * Taken on the first connection attempt: Spring's SockJS client, its HTTP client and TLS set-up take
     * about 200 ms to start, which a client that connects over WebSocket should never pay.
     */
    private SharedResources.Lease<SockJsRuntime> runtime;

    private final Set<SockJsSocket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    SockJsTransport(TransportContext context) {
        this.context = context;
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
        SockJsSocket socket = new SockJsSocket(runtime(), request.genericPath(), listener, sockets::remove);
        sockets.add(socket);
        socket.start(request.httpBaseUri(), context.ignoreNullOrigin());
        return socket;
    }

    private synchronized SockJsRuntime runtime() {
        if (closed.get()) {
            throw new IllegalStateException("transport sockjs is closed");
        }
        if (runtime == null) {
            runtime = SockJsRuntime.acquire(context);
        }
        return runtime.get();
    }

    @Override
    public void close() {
        SharedResources.Lease<SockJsRuntime> lease;
        synchronized (this) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            lease = runtime;
        }
        sockets.forEach(SockJsSocket::close);
        if (lease != null) {
            lease.close();
        }
    }
}
