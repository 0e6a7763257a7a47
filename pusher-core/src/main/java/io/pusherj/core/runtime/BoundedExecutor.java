package io.pusherj.core.runtime;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks on a shared executor, at most {@code limit} of them at once; the rest wait here, in order.
 * Each client's auth code goes through one, so a client whose backend hangs holds a few of the shared
 * auth threads, never all of them.
 */
public final class BoundedExecutor implements Executor {
    private final Executor shared;
    private final int limit;
    /** Made when a task first has to wait: most clients never run more than one auth call at once. */
    private Queue<Runnable> waiting;

    private int running;

    /**
     * Creates the executor.
     *
     * @param shared where tasks run
     * @param limit how many may run at once
     */
    public BoundedExecutor(Executor shared, int limit) {
        this.shared = shared;
        this.limit = limit;
    }

    /**
     * Runs {@code task} now if fewer than the limit run, else when one of them ends.
     *
     * @throws RejectedExecutionException if the shared executor is shut down
     */
    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (running >= limit) {
                if (waiting == null) {
                    waiting = new ArrayDeque<>();
                }
                waiting.add(task);
                return;
            }
            running++;
        }
        try {
            submit(task);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
            }
            throw e;
        }
    }

    private void submit(Runnable task) {
        shared.execute(() -> {
            try {
                task.run();
            } finally {
                next();
            }
        });
    }

    /** A task ended: start the next one waiting, if any (on the finishing task's thread). */
    private void next() {
        Runnable task;
        synchronized (this) {
            task = waiting == null ? null : waiting.poll();
            if (task == null) {
                running--;
                return;
            }
        }
        try {
            submit(task);
        } catch (RejectedExecutionException e) {
            // The shared executor is shutting down (the last client closed): what waits here is abandoned.
            synchronized (this) {
                waiting = null;
                running = 0;
            }
        }
    }
}
