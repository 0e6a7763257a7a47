package io.pusherj.transport.ws;

import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.client.ThreadPoolConfig;
import org.glassfish.tyrus.container.jdk.client.JdkClientContainer;

/**
 * The Tyrus client shared by every client of a runtime with the same TLS context, proxy and local address,
 * reference-counted so the last transport closed shuts it down (docs/architecture.md §6):
 * <ul>
 *   <li>one {@link ClientManager} with the JDK container, created explicitly: a manager per client keeps
 *       about ten threads each;</li>
 *   <li>its worker pool at core 1, max 4 (core equal to max hangs the first connect);</li>
 *   <li>Tyrus's worker threads stop {@value #SHARED_CONTAINER_IDLE_SECONDS} s after the JVM's last
 *       connection closed; Tyrus also keeps one daemon timer thread ({@code tyrus-jdk-container-idle-timeout})
 *       for the life of the JVM, whatever the number of clients;</li>
 *   <li>no session idle timeout (-1; 0 would cost a timer task per message and ten threads);</li>
 *   <li>blocking {@code connectToServer} on a small pool owned here ({@value #CONNECT_THREADS} threads):
 *       {@code asyncConnectToServer} starts a thread per connection still opening;</li>
 *   <li>the manager built on that pool as soon as the runtime exists, so that its set-up overlaps the
 *       client's own (a fresh JVM's first connect); a connect thread therefore starts with the first client
 *       and stops 30 s after its last task, and a failure to build the manager reaches each connect as a
 *       transport error instead of failing the client's creation ({@code docs/decisions.md}).</li>
 * </ul>
 */
final class TyrusRuntime implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TyrusRuntime.class.getName());
    static final int CONNECT_THREADS = 4;
    /** The upgrade must finish within this; the strategy's own timeouts usually abort sooner. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 60_000;
    /** A session idle timeout Tyrus reads as "none" without scheduling anything. */
    static final long NO_IDLE_TIMEOUT = -1;
    /** Seconds Tyrus keeps its worker threads after the last connection of the JVM closed. */
    static final int SHARED_CONTAINER_IDLE_SECONDS = 2;

    private final ThreadPoolExecutor connectPool;
    /**
     * Built on a connect thread, so that Tyrus's set-up (about 30 ms of class loading in a fresh JVM) runs while
     * the client finishes its own; the first connect, which runs on the same pool, waits for it.
     */
    private final CompletableFuture<ClientManager> manager;

    private TyrusRuntime(ProviderContext context) {
        AtomicInteger n = new AtomicInteger();
        connectPool = new ThreadPoolExecutor(
                CONNECT_THREADS, CONNECT_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "pusherj-ws-connect-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        connectPool.allowCoreThreadTimeOut(true);
        Optional<SSLContext> sslContext = context.sslContext();
        Optional<InetSocketAddress> proxy = context.proxy();
        Optional<InetAddress> localAddress = context.localAddress();
        manager = CompletableFuture.supplyAsync(() -> newManager(sslContext, proxy, localAddress), connectPool);
    }

    private static ClientManager newManager(
            Optional<SSLContext> sslContext, Optional<InetSocketAddress> proxy, Optional<InetAddress> localAddress) {
        TyrusLogging.install();
        ClientManager manager = ClientManager.createClient(JdkClientContainer.class.getName());
        Map<String, Object> p = manager.getProperties();
        p.put(
                ClientProperties.WORKER_THREAD_POOL_CONFIG,
                ThreadPoolConfig.defaultConfig()
                        .setCorePoolSize(1)
                        .setMaxPoolSize(4)
                        .setDaemon(true));
        p.put(ClientProperties.HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT_MILLIS);
        // No session idle timeout (pusherj checks activity itself). Tyrus 2.2 skips its idle timer only for
        // a negative value: with the default 0 it schedules a task per session and reschedules it on every
        // message, on a pool that grows to ten threads which never exit (BENCHMARKS.md).
        manager.setDefaultMaxSessionIdleTimeout(NO_IDLE_TIMEOUT);
        // Tyrus reassembles fragmented text messages without limit by default (Integer.MAX_VALUE): a broken or
        // hostile server could fill the heap with one message. Past this, Tyrus closes the socket with 1009
        // and the client reconnects like after any drop.
        manager.setDefaultMaxTextMessageBufferSize(Transport.MAX_MESSAGE_BYTES);
        // The JDK container shares one channel group (its worker threads) across the JVM and stops it this
        // long after the last connection closed (default 30 s): closing the last client frees them soon.
        p.put(ClientProperties.SHARED_CONTAINER_IDLE_TIMEOUT, SHARED_CONTAINER_IDLE_SECONDS);
        sslContext.ifPresent(ssl -> p.put(ClientProperties.SSL_ENGINE_CONFIGURATOR, new SslEngineConfigurator(ssl)));
        proxy.ifPresent(
                via -> p.put(ClientProperties.PROXY_URI, "http://" + via.getHostString() + ":" + via.getPort()));
        localAddress.ifPresent(from -> p.put(ClientProperties.SOCKET_BINDING, from));
        return manager;
    }

    /** Takes a reference to the runtime for this client's TLS context, proxy and local address. */
    static SharedResources.Lease<TyrusRuntime> acquire(TransportContext context) {
        return context.sharedPerTlsAndProxy(TyrusRuntime.class, TyrusRuntime::new);
    }

    /**
     * Tyrus's client; waits for it while it is being built. If building it failed, throws what it threw
     * (every connect of the clients sharing this runtime then fails with it, reported as a transport error).
     */
    ClientManager manager() {
        try {
            return manager.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    ExecutorService connectPool() {
        return connectPool;
    }

    /** Called when the last client using this runtime is closed. */
    @Override
    public void close() {
        connectPool.shutdownNow();
        // Not built yet: it shuts down once it is (shutdownNow only interrupts it), or it never starts.
        manager.thenAccept(TyrusRuntime::shutdown);
    }

    private static void shutdown(ClientManager built) {
        try {
            built.shutdown();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "shutting Tyrus's client down failed", e);
        }
    }
}
