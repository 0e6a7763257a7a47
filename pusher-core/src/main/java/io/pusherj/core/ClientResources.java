package io.pusherj.core;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.PusherRuntime;
import io.pusherj.api.TransportCache;
import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.core.auth.Authorizer;
import io.pusherj.core.runtime.BoundedExecutor;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.core.runtime.ClientRuntime;
import io.pusherj.core.runtime.DefaultRuntime;
import io.pusherj.core.runtime.InboundQueue;
import io.pusherj.core.runtime.SerialExecutor;
import io.pusherj.core.strategy.AttemptListener;
import io.pusherj.core.strategy.StrategyContext;
import io.pusherj.core.strategy.TransportManagers;
import io.pusherj.core.strategy.TransportStrategy;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a client opens and must close again, wired together: its place on a runtime (strand pool, timer,
 * auth pool, shared connections: the application's, or else the JVM-wide default), its strand and clock,
 * listener delivery, its transports and its authorizer.
 * {@link #open} closes what it opened when a later step fails, so a {@code Pusher.create} that throws
 * leaks no lease and no thread.
 */
final class ClientResources {
    private static final System.Logger LOG = System.getLogger(ClientResources.class.getName());
    /** Calls of application auth code one client may run at once on the shared auth pool. */
    private static final int AUTH_CALLS_PER_CLIENT = 4;

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final ClientRuntime runtime;
    /** Whether {@link #runtime} is the JVM-wide default, which this client holds a reference to. */
    private final boolean defaultRuntime;
    /** The client, once attached to a runtime the application owns (which closes it when it closes). */
    private volatile ClientRuntime.Client attached;
    /**
     * Whether the client left its runtime: exactly once, from whichever path closes it. This and
     * {@link #closing} are guarded by this object (rarely written; atomics were 32 bytes per client more).
     */
    private boolean released;
    /** Completes when the client finished closing; set by the first close, whoever calls it. */
    private volatile CompletableFuture<Void> closing;

    private final SerialExecutor strand;
    private final ClientLoop loop;
    private final Delivery delivery;
    private final Authorizer authorizer;
    private final Map<String, Transport> transports;
    private final Optional<String> missingTransports;
    private final ProviderContext providerContext;

    private ClientResources(
            ClientRuntime runtime,
            boolean defaultRuntime,
            SerialExecutor strand,
            ClientLoop loop,
            Delivery delivery,
            Authorizer authorizer,
            Map<String, Transport> transports,
            Optional<String> missingTransports,
            ProviderContext providerContext) {
        this.runtime = runtime;
        this.defaultRuntime = defaultRuntime;
        this.strand = strand;
        this.loop = loop;
        this.delivery = delivery;
        this.authorizer = authorizer;
        this.transports = transports;
        this.missingTransports = missingTransports;
        this.providerContext = providerContext;
    }

    /** Opens a client's resources for {@code options}; on failure nothing stays open. */
    static ClientResources open(PusherOptions options) {
        boolean defaultRuntime = options.runtime().isEmpty();
        ClientRuntime runtime = options.runtime().map(ClientResources::owned).orElseGet(DefaultRuntime::acquire);
        Authorizer authorizer = null;
        Map<String, Transport> transports = null;
        try {
            SerialExecutor strand = new SerialExecutor(runtime.pool());
            ProviderContext providerContext = new ClientProviderContext(
                    options.sslContext(), options.proxy(), options.localAddress(), runtime.resources());
            InboundQueue inbound = new InboundQueue(strand::executeInline, options.maxQueuedInboundChars());
            ClientLoop loop =
                    new ClientLoop(strand, inbound, options.scheduler().orElse(runtime.scheduler()));
            // Application auth code never runs on the strand or the strand pool: it may block. A client runs
            // at most AUTH_CALLS_PER_CLIENT at once, so a hung backend cannot take every shared auth thread.
            authorizer = new Authorizer(
                    options, new BoundedExecutor(runtime.authPool(), AUTH_CALLS_PER_CLIENT), providerContext);
            TransportRegistry registry = new TransportRegistry(options.transportProviders());
            transports = registry.createAllowed(options, loop.scheduler(), providerContext);
            Optional<String> missing = Optional.ofNullable(registry.missingEnabledTransports(options));
            if (options.wsHost().isPresent()
                    && options.httpHost().isEmpty()
                    && (transports.containsKey("xhr_streaming")
                            || transports.containsKey("xhr_polling")
                            || transports.containsKey("sockjs"))) {
                // pusher-js would send the fallbacks of a self-hosted app to sockjs-CLUSTER.pusher.com.
                LOG.log(
                        Level.DEBUG,
                        "HTTP fallbacks go to wsHost {0} (no httpHost set), not to pusher.com",
                        ClientEndpoints.of(options).httpHost());
            }
            Delivery delivery = new Delivery(options.callbackExecutor(), inbound);
            return new ClientResources(
                    runtime, defaultRuntime, strand, loop, delivery, authorizer, transports, missing, providerContext);
        } catch (RuntimeException | Error e) {
            if (transports != null) {
                transports.values().forEach(ClientResources::closeQuietly);
            }
            if (authorizer != null) {
                authorizer.close();
            }
            if (defaultRuntime) {
                DefaultRuntime.release(runtime);
            }
            throw e;
        }
    }

    private static ClientRuntime owned(PusherRuntime given) {
        if (!(given instanceof ClientRuntime runtime)) {
            throw new IllegalArgumentException("the runtime must come from PusherRuntime.create(), got "
                    + given.getClass().getName());
        }
        if (runtime.isClosed()) {
            throw new IllegalStateException("this PusherRuntime is closed; create clients on an open one");
        }
        return runtime;
    }

    /**
     * Records the finished client with a runtime the application owns, which closes it when it closes.
     *
     * @throws IllegalStateException if that runtime closed meanwhile
     */
    void attach(ClientRuntime.Client client) {
        if (!defaultRuntime) {
            runtime.attach(client);
            attached = client;
        }
    }

    /** {@return what the client's auth and stats transports are created with} */
    ProviderContext providerContext() {
        return providerContext;
    }

    /**
     * {@return what the client's strategy trees are built from} One set of transport managers per TLS
     * flag, as pusher-js has one tree per flag.
     */
    StrategyContext strategyContext(String key, PusherOptions options, AttemptListener attempts) {
        long activityTimeout = options.activityTimeout().toMillis();
        Endpoints endpoints = ClientEndpoints.of(options);
        return new StrategyContext(
                key,
                transports::get,
                (name, tls) -> new TransportRequest(key, tls, endpoints, LibraryInfo.CLIENT_NAME, LibraryInfo.VERSION),
                (name, transport, request, lives) ->
                        new TransportStrategy(name, transport, request, loop, attempts, lives),
                new TransportManagers(activityTimeout),
                new TransportManagers(activityTimeout),
                options.transportCache().orElseGet(TransportCache::inMemory),
                loop,
                options.reconnectBackoff());
    }

    SerialExecutor strand() {
        return strand;
    }

    ClientLoop loop() {
        return loop;
    }

    Delivery delivery() {
        return delivery;
    }

    Authorizer authorizer() {
        return authorizer;
    }

    Map<String, Transport> transports() {
        return transports;
    }

    /** {@return why transports the options enable explicitly are missing, if they are} */
    Optional<String> missingTransports() {
        return missingTransports;
    }

    /**
     * Closes the client: runs {@code lastTasks} (closing the connection) and then closes the transports and
     * the authorizer, on the strand, and leaves the runtime. With {@code mayWait}, waits up to 5 s for that
     * task and leaves the runtime on the calling thread, so the last client's {@code close()} returns after
     * the default runtime's threads ended. It never waits on a runtime thread (a listener, or a runtime
     * closing from one), where the task may queue behind the very thread that would wait: the task then
     * leaves the runtime itself, when it has run; left here first, the last client's pool would refuse the
     * queued task and the socket would stay open.
     *
     * Only the first call closes; later ones return its stage at once.
     *
     * @return completes once the task ran and the client left its runtime
     */
    CompletableFuture<Void> close(Runnable lastTasks, boolean mayWait) {
        boolean waitHere = mayWait && !strand.isCurrentThread() && !ClientRuntime.onRuntimeThread();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        CompletableFuture<Void> started;
        synchronized (this) {
            started = closing;
            if (started == null) {
                closing = closed;
            }
        }
        if (started != null) {
            if (waitHere) { // another thread or the runtime started it: close() still returns when it is done
                awaitQuietly(started);
            }
            return started;
        }
        CountDownLatch ran = new CountDownLatch(1);
        strand.execute(() -> {
            try {
                lastTasks.run();
                closeTransportsAndAuth();
            } finally {
                ran.countDown();
                if (!waitHere) {
                    try {
                        releaseRuntime();
                    } finally {
                        closed.complete(null); // whatever leaving the runtime did, the close is over
                    }
                }
            }
        });
        if (waitHere) {
            try {
                if (!ran.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "pusherj client did not finish closing within " + CLOSE_WAIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                releaseRuntime();
            } finally {
                closed.complete(null);
            }
        }
        return closed;
    }

    private static void awaitQuietly(CompletableFuture<Void> closed) {
        try {
            closed.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "pusherj client did not finish closing within " + CLOSE_WAIT_SECONDS + " s");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "closing a pusherj client failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@return whether the client was closed (readable from any thread)} */
    boolean isClosed() {
        return closing != null;
    }

    /** Closes the transports and the authorizer (on the strand, after the connection closed). */
    void closeTransportsAndAuth() {
        transports.values().forEach(ClientResources::closeQuietly);
        authorizer.close();
    }

    /**
     * Leaves the runtime: gives the default runtime back (the last client's release stops its threads), or
     * detaches from the application's, which keeps running.
     */
    void releaseRuntime() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        if (defaultRuntime) {
            DefaultRuntime.release(runtime);
        } else {
            ClientRuntime.Client client = attached;
            if (client != null) {
                runtime.detach(client);
            }
        }
    }

    private static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transport " + t.name() + " failed to close", e);
        }
    }
}
