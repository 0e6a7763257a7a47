package io.pusherj.core.runtime;

import io.pusherj.api.PusherRuntime;
import io.pusherj.api.spi.Cancellable;
import io.pusherj.api.spi.Scheduler;
import io.pusherj.api.spi.SharedResourcePool;
import io.pusherj.api.spi.SharedResources;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The {@link PusherRuntime}: a small pool that runs the clients' strands, one timer thread, a bounded pool
 * for the application's own auth code, and the resources the transports share. The pools' threads start
 * on demand and end after 30 s idle; the timer thread starts with the first timer and lives until the
 * runtime closes. Either owned by the application ({@link PusherRuntime#create()}) or the JVM-wide default
 * that {@link DefaultRuntime} counts users of.
 */
public final class ClientRuntime implements PusherRuntime {
    private static final System.Logger LOG = System.getLogger(ClientRuntime.class.getName());
    /** How long {@link #close()} waits for its clients to finish closing, and then for its threads to end. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    /** A client a runtime the application owns closes when it closes. */
    public interface Client {
        /**
         * Closes the client without waiting for it.
         *
         * @return completes once the client finished closing and left the runtime
         */
        CompletableFuture<Void> closeAsync();

        /**
         * {@return whether the calling thread runs this client's strand right now} (a listener, also on a
         * transport's I/O thread where a strand may run inline)
         */
        boolean onItsStrand();
    }

    /** The threads of every runtime are of this class, so a runtime knows never to wait on one of them. */
    private static final class RuntimeThread extends Thread {
        RuntimeThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }

    private final int strandThreads;
    private final int authThreads;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor auth;
    private final Scheduler scheduler;
    private final SharedResourcePool resources = new SharedResourcePool();
    /** What transports get of {@link #resources}: acquiring only, so none can close the pool. */
    private final SharedResources sharedView = new SharedResources() {
        @Override
        public <K, R extends AutoCloseable> Lease<R> acquire(
                Class<R> type, K key, Function<? super K, ? extends R> factory) {
            return resources.acquire(type, key, factory);
        }
    };
    /** Whether {@link #stop} ran: once, from whichever path gets there first. */
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** The clients to close with the runtime; guarded by itself, as is {@link #closed}. */
    private final Set<Client> clients = new LinkedHashSet<>();

    private boolean closed;

    /**
     * Creates a runtime; no thread starts until a task needs one.
     *
     * @param strandThreads the most threads running strands
     * @param authThreads the most threads running application auth code
     */
    public ClientRuntime(int strandThreads, int authThreads) {
        this.strandThreads = strandThreads;
        this.authThreads = authThreads;
        pool = onDemandPool(strandThreads, "pusherj-strand-");
        // Auth code still running when the runtime closes belongs to clients that are closed: nobody waits.
        auth = onDemandPool(authThreads, "pusherj-auth-");
        timer = new ScheduledThreadPoolExecutor(1, daemonThreads("pusherj-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler = new Scheduler() {
            @Override
            public long nowMillis() {
                // Wall-clock time: transport-cache timestamps may be persisted across processes.
                return System.currentTimeMillis();
            }

            @Override
            public Cancellable schedule(Runnable task, long delayMillis) {
                ScheduledFuture<?> f = timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }
        };
    }

    @Override
    public int strandThreads() {
        return strandThreads;
    }

    @Override
    public int authThreads() {
        return authThreads;
    }

    @Override
    public boolean isClosed() {
        synchronized (clients) {
            return closed;
        }
    }

    /**
     * Records a client to close with the runtime.
     *
     * @throws IllegalStateException if the runtime is closed
     */
    public void attach(Client client) {
        synchronized (clients) {
            if (closed) {
                throw new IllegalStateException("this PusherRuntime is closed; create clients on an open one");
            }
            clients.add(client);
        }
    }

    /** Forgets a client that closed by itself. */
    public void detach(Client client) {
        synchronized (clients) {
            clients.remove(client);
        }
    }

    /** The pool the strands run on. */
    public ExecutorService pool() {
        return pool;
    }

    /** Where application auth code runs: custom handlers and params/headers providers, which may block. */
    public ExecutorService authPool() {
        return auth;
    }

    /** The real-time scheduler of this runtime's timer thread. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** What the transports of this runtime's clients share. */
    public SharedResources resources() {
        return sharedView;
    }

    /** {@return whether the calling thread belongs to a runtime (a strand, timer or auth thread)} */
    public static boolean onRuntimeThread() {
        return Thread.currentThread() instanceof RuntimeThread;
    }

    /**
     * Closes the clients still attached, and once they finished closing (their last strand tasks close their
     * connections over the shared resources), closes the shared resources and stops the threads. From a
     * thread of its own or one running a client's strand (a listener closing the runtime) it cannot wait,
     * since the clients' tasks may queue behind that very thread: the rest then happens when the last
     * client finished. Otherwise it waits up to 5 s for the clients and 5 s for the threads.
     */
    @Override
    public void close() {
        List<Client> left;
        synchronized (clients) {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(clients);
            clients.clear();
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Client client : left) {
            try {
                closing.add(client.closeAsync());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing a client with its runtime failed", e);
            }
        }
        CompletableFuture<Void> clientsClosed = CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
        if (onRuntimeThread() || left.stream().anyMatch(Client::onItsStrand)) {
            // On the timer thread, which never blocks, rather than on whichever thread finishes the last client
            // (perhaps a transport's I/O thread); and after 5 s at the latest, should a client never finish.
            // The deadline first: with no client left the stop below runs at once and shuts the timer down.
            timer.schedule(() -> stop(false), CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            clientsClosed.whenComplete((done, failure) -> {
                if (!stopped.get()) {
                    timer.execute(() -> stop(false));
                }
            });
            return;
        }
        try {
            clientsClosed.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.log(
                    Level.WARNING,
                    closing.stream().filter(c -> !c.isDone()).count() + " of " + closing.size()
                            + " pusherj clients did not finish closing within " + CLOSE_WAIT_SECONDS
                            + " s; their runtime stops anyway");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "closing a client with its runtime failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(true);
    }

    /** Closes the shared resources and stops the threads, waiting for them to end if {@code await}. */
    private void stop(boolean await) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        resources.close();
        pool.shutdown();
        timer.shutdownNow();
        auth.shutdownNow();
        if (await) {
            awaitQuietly(pool);
            awaitQuietly(timer);
            awaitQuietly(auth);
        }
    }

    @Override
    public String toString() {
        return "PusherRuntime{strandThreads=" + strandThreads + ", authThreads=" + authThreads + ", closed="
                + isClosed() + "}";
    }

    private static ThreadPoolExecutor onDemandPool(int threads, String prefix) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads(prefix));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> new RuntimeThread(r, prefix + n.incrementAndGet());
    }
}
