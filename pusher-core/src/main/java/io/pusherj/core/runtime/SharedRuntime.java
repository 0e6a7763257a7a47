package io.pusherj.core.runtime;

import io.pusherj.api.spi.Cancellable;
import io.pusherj.api.spi.Scheduler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every client of this JVM shares: a small pool that runs the clients' strands, one timer
 * thread, and a bounded pool for the application's own auth code. Reference-counted: the first client
 * creates them, closing the last one stops them, so the thread count does not grow with the number of
 * clients and {@code close()} leaves nothing behind.
 */
public final class SharedRuntime {
    /** Pool size: enough to keep the cores busy, small enough to stay negligible. */
    static final int POOL_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /**
     * Most threads running application auth code at once (custom handlers, params and headers providers).
     * Such code may block on the application's backend, so it never runs on the strand pool, where one
     * blocked call per pool thread would freeze every client of the JVM; started on demand, ended after
     * 30 s idle, so a client without custom auth code starts none.
     */
    public static final int AUTH_THREADS = 16;

    private static final Object LOCK = new Object();
    private static SharedRuntime current;
    private static int users;

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor auth;
    private final Scheduler scheduler;

    private SharedRuntime() {
        pool = new ThreadPoolExecutor(
                POOL_THREADS,
                POOL_THREADS,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("pusherj-strand-"));
        pool.allowCoreThreadTimeOut(true);
        auth = new ThreadPoolExecutor(
                AUTH_THREADS,
                AUTH_THREADS,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("pusherj-auth-"));
        auth.allowCoreThreadTimeOut(true);
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

    /** Takes a reference; pair every call with {@link #release()}. */
    public static SharedRuntime acquire() {
        synchronized (LOCK) {
            if (users++ == 0) {
                current = new SharedRuntime();
            }
            return current;
        }
    }

    /**
     * Drops a reference; the last one stops the threads and waits briefly for them to end (unless the
     * caller is one of them, e.g. a listener closing its client).
     */
    public void release() {
        boolean last;
        synchronized (LOCK) {
            last = --users == 0 && current == this;
            if (last) {
                current = null;
            }
        }
        if (last) {
            pool.shutdown();
            timer.shutdownNow();
            // Auth code still running belongs to clients that are closed: nobody waits for its answer.
            auth.shutdownNow();
            if (!Thread.currentThread().getName().startsWith("pusherj-")) {
                awaitQuietly(pool);
                awaitQuietly(timer);
                awaitQuietly(auth);
            }
        }
    }

    /** The pool the strands run on. */
    public ExecutorService pool() {
        return pool;
    }

    /**
     * Where application auth code runs: custom handlers and params/headers providers, which may block
     * ({@value #AUTH_THREADS} threads at most, shared by all clients).
     */
    public ExecutorService authPool() {
        return auth;
    }

    /** The shared real-time scheduler. */
    public Scheduler scheduler() {
        return scheduler;
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
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
