package io.pusherj.core.runtime;

import io.pusherj.api.PusherRuntime;
import io.pusherj.api.spi.Cancellable;
import io.pusherj.api.spi.Scheduler;
import io.pusherj.api.spi.SharedResources;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link PusherRuntime}: a small pool that runs the clients' strands, one timer thread, a bounded pool
 * for the application's own auth code, and the resources the transports share. Threads start on demand
 * and end after 30 s idle, so a runtime nobody uses costs none. Either owned by the application
 * ({@link PusherRuntime#create()}) or the JVM-wide default that {@link DefaultRuntime} counts users of.
 */
public final class ClientRuntime implements PusherRuntime {
    private static final System.Logger LOG = System.getLogger(ClientRuntime.class.getName());
    private static final long THREAD_END_WAIT_SECONDS = 5;

    private final int strandThreads;
    private final int authThreads;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor auth;
    private final Scheduler scheduler;
    private final SharedResources resources = new SharedResources();
    /** The clients to close with the runtime; guarded by itself, as is {@link #closed}. */
    private final Set<AutoCloseable> clients = new LinkedHashSet<>();

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
    public void attach(AutoCloseable client) {
        synchronized (clients) {
            if (closed) {
                throw new IllegalStateException("this PusherRuntime is closed; create clients on an open one");
            }
            clients.add(client);
        }
    }

    /** Forgets a client that closed by itself. */
    public void detach(AutoCloseable client) {
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
        return resources;
    }

    /**
     * Closes the clients still attached, then the shared resources, then stops the threads and waits
     * briefly for them to end (unless the caller is one of them, e.g. a listener closing the runtime).
     */
    @Override
    public void close() {
        List<AutoCloseable> left;
        synchronized (clients) {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(clients);
            clients.clear();
        }
        for (AutoCloseable client : left) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing a client with its runtime failed", e);
            }
        }
        resources.close();
        pool.shutdown();
        timer.shutdownNow();
        auth.shutdownNow();
        if (!Thread.currentThread().getName().startsWith("pusherj-")) {
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
            executor.awaitTermination(THREAD_END_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
