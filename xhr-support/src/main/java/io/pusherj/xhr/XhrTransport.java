package io.pusherj.xhr;

import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import io.pusherj.http.SharedHttpClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code xhr_streaming} or {@code xhr_polling} slot of one client: priority 1 (below WebSocket),
 * pinging with an empty send (pusher-js's {@code supportsPing} for HTTP transports).
 */
public final class XhrTransport implements Transport {
    /** pusher-js: HTTP transports have priority 1. */
    static final int PRIORITY = 1;

    private final String name;
    private final boolean streaming;
    private final TransportContext context;
    /** Taken on the first connection attempt: a client that never falls back never starts an HTTP client. */
    private SharedResources.Lease<SharedHttpClient> http;

    private final Set<XhrSocket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates the transport of one client.
     *
     * @param context the slot name and the client's TLS context, proxy and null-origin setting
     * @param streaming true for streaming, false for polling
     */
    public XhrTransport(TransportContext context, boolean streaming) {
        this.name = context.transportName();
        this.streaming = streaming;
        this.context = context;
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
    public boolean supportsPing() {
        return true;
    }

    private synchronized SharedHttpClient http() {
        if (closed.get()) {
            throw new IllegalStateException("transport " + name + " is closed");
        }
        if (http == null) {
            http = SharedHttpClient.acquire(context);
        }
        return http.get();
    }

    @Override
    public TransportSocket open(TransportRequest request, TransportSocketListener listener) {
        SharedHttpClient client = http();
        client.beforeNewSession();
        XhrSocket socket = new XhrSocket(
                client,
                new XhrSession(request.httpUri()),
                streaming,
                context.ignoreNullOrigin(),
                listener,
                sockets::remove);
        sockets.add(socket);
        socket.start();
        return socket;
    }

    /** How many sockets this transport still holds (so a test can prove closed ones are let go). */
    int openSockets() {
        return sockets.size();
    }

    @Override
    public void close() {
        SharedResources.Lease<SharedHttpClient> lease;
        synchronized (this) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            lease = http;
        }
        sockets.forEach(XhrSocket::close);
        sockets.clear();
        if (lease != null) {
            lease.close();
        }
    }
}
