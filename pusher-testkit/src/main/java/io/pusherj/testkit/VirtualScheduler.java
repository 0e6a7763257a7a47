package io.pusherj.testkit;

import io.pusherj.api.spi.Cancellable;
import io.pusherj.api.spi.Scheduler;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * Virtual time for tests: nothing runs until the test advances the clock. Also an {@link Executor}
 * (tasks run "now", at the next {@link #runUntilIdle()} or advance), so a component whose strand and
 * timer are both this object runs fully deterministically on the test thread.
 *
 * <pre>{@code
 * VirtualScheduler time = new VirtualScheduler();
 * Pusher pusher = Pusher.create(key, options.scheduler(time).build());
 * time.advanceBy(Duration.ofSeconds(10));   // the unavailable timer fires
 * }</pre>
 *
 * Thread-safe; tasks run on the thread that advances, outside any lock.
 */
public final class VirtualScheduler implements Scheduler, Executor {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    private static final class Task implements Comparable<Task> {
        final long due;
        final long seq;
        final Runnable action;
        volatile boolean cancelled;

        Task(long due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(Task o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    /** Creates a scheduler at time 0. */
    public VirtualScheduler() {}

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, long delayMillis) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay: " + delayMillis);
        }
        Task t = new Task(now + delayMillis, sequence++, task);
        queue.add(t);
        notifyAll();
        return () -> {
            t.cancelled = true;
            synchronized (this) {
                queue.remove(t);
            }
        };
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0);
    }

    /** Runs every task due now, including those they schedule for now. */
    public void runUntilIdle() {
        advanceBy(0);
    }

    /**
     * Advances the clock, running every task that falls due, in time order.
     *
     * @param d how far to advance
     */
    public void advanceBy(Duration d) {
        advanceBy(d.toMillis());
    }

    /**
     * Advances the clock by {@code millis}, running every task that falls due, in time order.
     *
     * @param millis how many milliseconds to advance
     */
    public void advanceBy(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = next.due;
            }
            if (!next.cancelled) {
                next.action.run();
            }
        }
    }

    /**
     * Waits (with a deadline, no polling) until a task is scheduled for {@code atMillis} on this clock:
     * for tests where real I/O arms a timer, so the test advances time only once the timer exists.
     *
     * @param atMillis the due time on this clock
     * @param timeout how long to wait, in real time
     */
    public synchronized void awaitTaskAt(long atMillis, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queue.stream().noneMatch(t -> t.due == atMillis)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no task was scheduled for " + atMillis + " ms within " + timeout + "; now "
                        + now + ", due: " + queue.stream().map(t -> t.due).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Waits (with a deadline, no polling) until some task is pending and returns how many milliseconds
     * from now it is due: lets a test step through timers that real I/O arms at times it cannot predict
     * (a retry after a refused connection, for instance).
     *
     * @param timeout how long to wait, in real time
     * @return the milliseconds until the next task is due
     */
    public synchronized long awaitNextTask(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no task was scheduled within " + timeout + "; now " + now);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return queue.peek().due - now;
    }

    /** {@return the number of tasks not yet run (due or not)} */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    /**
     * Delay until the next task, if any.
     *
     * @return the milliseconds until the next task, if any
     */
    public synchronized OptionalLong nextTaskDelay() {
        Task t = queue.peek();
        return t == null ? OptionalLong.empty() : OptionalLong.of(t.due - now);
    }
}
