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
 * The threads every client of this JVM shares: a small pool that runs the clients' strands and one
 * timer thread. Reference-counted: the first client creates them, closing the last one stops them, so
 * the thread count does not grow with the number of clients and {@code close()} leaves nothing behind.
 */
public final class SharedRuntime {
    /** Pool size: enough to keep the cores busy, small enough to stay negligible. */
    static final int POOL_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private static final Object LOCK = new Object();
    private static SharedRuntime current;
    private static int users;

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final Scheduler scheduler;

    private SharedRuntime() {
        pool = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("pusherj-strand-"));
        pool.allowCoreThreadTimeOut(true);
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
            if (!Thread.currentThread().getName().startsWith("pusherj-")) {
                awaitQuietly(pool);
                awaitQuietly(timer);
            }
        }
    }

    /** The pool the strands run on. */
    public ExecutorService pool() {
        return pool;
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
