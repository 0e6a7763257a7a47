package io.pusherj.core.runtime;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A strand: runs submitted tasks one at a time, in submission order, on a shared executor. Each client
 * owns one, so its state needs no locks, while threads are shared by all clients.
 *
 * <p>A drain runs at most {@value #BATCH} tasks before yielding the pool thread, so one busy client
 * cannot starve the others.
 */
public final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());
    private static final int BATCH = 256;
    private static final VarHandle SCHEDULED = Handles.field(MethodHandles.lookup(), "scheduled", boolean.class);
    /** How long a frame's I/O thread may run the strand before the rest moves to the pool. */
    private static final long INLINE_BUDGET_NANOS = 1_000_000;

    private static final long NO_BUDGET = -1;
    /** How long frames go to the pool, not inline, after tasks overran the inline budget. */
    private static final long SLOW_TASK_BACKOFF_NANOS = 1_000_000_000L;
    /**
     * Consecutive tasks over the budget that start the backoff: a slow listener makes every task slow, a
     * GC pause or a JIT compilation makes one; sending frames to the pool for a second after each of those
     * cost a flood of small events a fifth more CPU.
     */
    private static final int SLOW_TASKS_IN_A_ROW = 2;

    private final Executor pool;
    private final long inlineBudgetNanos;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /**
     * Whether a drain is queued or running: a volatile field set through a handle rather than an
     * {@code AtomicBoolean}, which is 16 bytes more of every client (BENCHMARKS.md).
     */
    private volatile boolean scheduled;

    private volatile Thread runner;
    /** Until when (System.nanoTime) frames are not run inline, because a task was slow. */
    private volatile long inlineAllowedFrom;
    /**
     * Whether a backoff may be in force, so that {@link #executeInline} reads the clock only then: it runs for
     * every frame, and reading the clock there was a quarter of the receive path's clock reads, about 1% of
     * its CPU (BENCHMARKS.md). Written, like {@link #inlineAllowedFrom}, only by whoever runs the strand.
     */
    private volatile boolean backingOff;
    /** Tasks over the inline budget in a row; written by whoever runs the strand, one at a time. */
    private int slowInARow;

    /** Creates a strand over {@code pool}. */
    public SerialExecutor(Executor pool) {
        this(pool, INLINE_BUDGET_NANOS);
    }

    SerialExecutor(Executor pool, long inlineBudgetNanos) {
        this.pool = pool;
        this.inlineBudgetNanos = inlineBudgetNanos;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        schedule();
    }

    /**
     * Runs {@code task} on the calling thread if the strand is idle, with whatever else is queued by then,
     * for at most {@value #INLINE_BUDGET_NANOS} ns (checked between tasks) before the rest moves to the
     * pool; otherwise queues it like {@link #execute}. For frames from transports' I/O threads: handing
     * each frame to a pool thread that had gone idle cost a wake-up per frame, 40% of the receive path's
     * CPU (BENCHMARKS.md). The budget keeps a slow listener from holding the I/O thread for more than
     * one call: while the pool drains the rest, new frames only queue, so the socket is still read. And
     * once {@value #SLOW_TASKS_IN_A_ROW} tasks in a row overran the budget, frames go to the pool for
     * {@value #SLOW_TASK_BACKOFF_NANOS} ns: else a slow listener would run on the I/O thread for every
     * frame, as each one finds the strand idle again, and the socket would be read one event per call.
     */
    public void executeInline(Runnable task) {
        if (backingOff && System.nanoTime() - inlineAllowedFrom < 0) {
            execute(task);
            return;
        }
        if (SCHEDULED.compareAndSet(this, false, true)) {
            if (queue.isEmpty()) {
                // Idle with nothing queued: the task runs without passing through the queue (two atomic
                // operations and a node less per frame). Anything queued before it is in the queue, so it
                // would have been seen; anything queued from now on runs after it.
                runBatch(inlineBudgetNanos, task);
            } else {
                queue.add(task);
                runBatch(inlineBudgetNanos, null);
            }
            return;
        }
        queue.add(task);
        if (SCHEDULED.compareAndSet(this, false, true)) {
            runBatch(inlineBudgetNanos, null);
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (Throwable e) {
            // Anything, a checked exception thrown undeclared included: escaping, it would skip the
            // re-schedule below and leave the strand's queue stranded (or kill an I/O thread).
            Throwable failure = Failures.containable(e);
            try {
                LOG.log(Level.ERROR, "unexpected failure on a client strand", failure);
            } catch (Throwable loggingFailed) {
                // The logger threw as well, and the strand must outlive its own report. It happens: JUL's
                // formatter lets an Error through, and a JVM that ran out of file descriptors before it first
                // formatted a record cannot load the time-zone data that needs, so every record after throws.
                // The failure goes where the JVM sends what a thread did not catch (the application's handler,
                // or its default), without the thread dying of it.
                failure.addSuppressed(loggingFailed);
                Thread t = Thread.currentThread();
                try {
                    t.getUncaughtExceptionHandler().uncaughtException(t, failure);
                } catch (Throwable handlerFailed) {
                    // Nowhere left to report to; the strand carries on all the same.
                }
            }
        }
    }

    /** Whether the calling thread is running this strand's task right now. */
    public boolean isCurrentThread() {
        return runner == Thread.currentThread();
    }

    private void schedule() {
        if (SCHEDULED.compareAndSet(this, false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled = false;
                LOG.log(Level.DEBUG, "strand task dropped: the shared pool is shut down");
            }
        }
    }

    private void drain() {
        runBatch(NO_BUDGET, null);
    }

    /**
     * Runs {@code first} (if not null) and then queued tasks as the strand, up to {@value #BATCH} in all,
     * stopping early once {@code budgetNanos} have passed (checked between tasks), then hands what is left
     * to the pool.
     */
    private void runBatch(long budgetNanos, Runnable first) {
        runner = Thread.currentThread();
        long start = System.nanoTime();
        long deadline = budgetNanos == NO_BUDGET ? 0 : start + budgetNanos;
        try {
            Runnable task = first;
            for (int i = 0; i < BATCH; i++) {
                if (task == null) {
                    task = queue.poll();
                    if (task == null) {
                        break;
                    }
                }
                run(task);
                task = null;
                long end = System.nanoTime();
                if (backingOff && end - inlineAllowedFrom >= 0) {
                    backingOff = false;
                }
                if (end - start <= inlineBudgetNanos) {
                    slowInARow = 0;
                } else if (++slowInARow >= SLOW_TASKS_IN_A_ROW) {
                    inlineAllowedFrom = end + SLOW_TASK_BACKOFF_NANOS;
                    backingOff = true;
                }
                start = end;
                if (budgetNanos != NO_BUDGET && end - deadline >= 0) {
                    break;
                }
            }
        } finally {
            runner = null;
            scheduled = false;
        }
        if (!queue.isEmpty()) {
            schedule();
        }
    }
}
