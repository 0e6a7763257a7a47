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
    private final Queue<Runnable> waiting = new ArrayDeque<>();
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

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(task);
                return;
            }
            running++;
        }
        submit(task);
    }

    private void submit(Runnable task) {
        try {
            shared.execute(() -> {
                try {
                    task.run();
                } finally {
                    next();
                }
            });
        } catch (RejectedExecutionException e) {
            next();
            throw e;
        }
    }

    private void next() {
        Runnable task;
        synchronized (this) {
            task = waiting.poll();
            if (task == null) {
                running--;
                return;
            }
        }
        submit(task);
    }
}
