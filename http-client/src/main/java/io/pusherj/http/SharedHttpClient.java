package io.pusherj.http;

import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.SharedResources;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One async HttpClient per TLS context, proxy and local address for a runtime, shared by every client and module
 * that needs HTTP, so threads do not grow with clients (docs/architecture.md §6): a single I/O thread, a
 * connection pool sized so a few hundred concurrent requests never silently queue behind the default
 * limits (25 total, 5 per route), no cookies (credentials are the application's headers).
 */
public final class SharedHttpClient implements AutoCloseable {
    /**
     * Upper bound of simultaneous connections to one host: every streaming client holds one for as long
     * as it is connected, so the limit is far above any client count a JVM runs (connections are opened
     * on demand, the limit itself costs nothing).
     */
    static final int MAX_PER_ROUTE = 50_000;
    /** Upper bound of simultaneous connections overall. */
    static final int MAX_TOTAL = 50_000;

    /** The most redirects a request follows (browsers allow about 20; an auth endpoint needs one or two). */
    public static final int MAX_REDIRECTS = 5;

    /** Pooled connections idle this long are closed. */
    static final int IDLE_CONNECTION_SECONDS = 5;
    /** Size of each HTTP/1.1 session buffer. */
    static final int SESSION_BUFFER_BYTES = 4 * 1024;

    private final CloseableHttpAsyncClient client;
    private final PoolingAsyncClientConnectionManager connections;
    private final IdleConnectionEvictor evictor;
    private final AtomicBoolean idleConnectionsSuspect = new AtomicBoolean();

    private SharedHttpClient(ProviderContext context) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create();
        context.sslContext().ifPresent(tls::setSslContext);
        connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tls.buildAsync())
                .setMaxConnTotal(MAX_TOTAL)
                .setMaxConnPerRoute(MAX_PER_ROUTE)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setTimeToLive(Timeout.ofMinutes(5))
                        .build())
                // HTTP/1.1 only, also over TLS (no ALPN h2): the xhr transports' streaming and polling
                // semantics are defined on HTTP/1.1 connections.
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .build())
                .build();
        var builder = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                // 4 KiB session buffers instead of 32 KiB: a streaming response holds its connection for
                // as long as the client lives, so these are per idle client (docs/architecture.md §6).
                .setHttp1Config(
                        Http1Config.custom().setBufferSize(SESSION_BUFFER_BYTES).build())
                .setRedirectStrategy(new NoDowngradeRedirectStrategy())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setMaxRedirects(MAX_REDIRECTS).build())
                .setRoutePlanner(new ContextRoutePlanner(context))
                .disableCookieManagement()
                .disableAutomaticRetries();
        try {
            client = builder.build();
        } catch (RuntimeException | Error e) {
            connections.close(CloseMode.IMMEDIATE); // e.g. no file descriptor left for the I/O reactor's selector
            throw e;
        }
        try {
            client.start();
        } catch (RuntimeException | Error e) {
            client.close(CloseMode.IMMEDIATE);
            throw e;
        }
        // Sends (subscribe, ping, client events) return their connection to the pool; a burst of them (1,000
        // clients subscribing at once) leaves hundreds of idle keep-alive connections with their buffers.
        // Closing those idle for 5 s costs one evictor thread per client object. Started here, once the client
        // exists, not by the builder: HttpClient's builder starts its evictor before it makes the I/O reactor,
        // and when that fails (a JVM out of file descriptors) the thread is left running for good, one more
        // each time a transport tries again.
        evictor = new IdleConnectionEvictor(
                connections,
                TimeValue.ofSeconds(IDLE_CONNECTION_SECONDS),
                TimeValue.ofSeconds(IDLE_CONNECTION_SECONDS));
        try {
            evictor.start();
        } catch (RuntimeException | Error e) { // no native thread left: the started client must not stay behind
            client.close(CloseMode.IMMEDIATE);
            throw e;
        }
    }

    /**
     * Takes a reference to the runtime's client for this context's TLS context, proxy and local address (the
     * JVM default, none and the system's choice when empty).
     *
     * @param context the client's TLS context, proxy and shared resources
     * @return the lease; close it when done
     */
    public static SharedResources.Lease<SharedHttpClient> acquire(ProviderContext context) {
        return context.sharedPerTlsAndProxy(SharedHttpClient.class, SharedHttpClient::new);
    }

    /** The client; never close it directly, close the lease. */
    public CloseableHttpAsyncClient client() {
        return client;
    }

    /**
     * Notes that a socket over this client was given up or failed: its path may have gone silent, and so
     * may the pooled connections over the same path (the evictor only finds those idle for
     * {@value #IDLE_CONNECTION_SECONDS} s). The next {@link #beforeNewSession()} closes them.
     */
    public void idleConnectionsSuspect() {
        idleConnectionsSuspect.set(true);
    }

    /**
     * Called before a new session's first request: closes the idle pooled connections if a socket was given
     * up since, so the request is not sent down a dead path to wait for its timeout. Not done when the
     * socket closes: that is often the client closing, and HttpClient logs errors when idle connections are
     * closed just before it shuts down.
     */
    public void beforeNewSession() {
        if (idleConnectionsSuspect.getAndSet(false)) {
            connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
        }
    }

    /**
     * Called when the last lease is closed, i.e. the last client using HTTP is closing. Its sockets have
     * cancelled their exchanges; a graceful close then ends at once. Whatever is still in flight after
     * {@value #GRACE_MILLIS} ms (a server holding a long-poll) belongs to the closing client and is
     * aborted rather than waited for.
     */
    @Override
    public void close() {
        evictor.shutdown();
        client.initiateShutdown();
        try {
            client.awaitShutdown(TimeValue.ofMilliseconds(GRACE_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client.getStatus() != IOReactorStatus.SHUT_DOWN) {
            client.close(CloseMode.IMMEDIATE);
        }
    }

    static final long GRACE_MILLIS = 200;
}
