package io.pusherj.core.runtime;

import io.pusherj.api.spi.Cancellable;
import io.pusherj.api.spi.Scheduler;
import java.util.concurrent.Executor;

/**
 * A one-shot timer whose task runs on a client's strand (pusher-js {@code utils/timers}). Start and
 * cancel it only on the strand: a timer cancelled there never runs its task, even if the scheduler had
 * already fired and the hop to the strand was queued.
 */
public final class Timer {
    private final Runnable task;
    private boolean running = true;
    private final Cancellable handle;

    private Timer(Executor strand, Scheduler scheduler, long delayMillis, Runnable task) {
        this.task = task;
        this.handle = scheduler.schedule(() -> strand.execute(this::fire), Math.max(0, delayMillis));
    }

    /**
     * Starts a timer.
     *
     * @param strand the strand the task runs on
     * @param scheduler the clock
     * @param delayMillis the delay
     * @param task the task
     * @return the running timer
     */
    public static Timer start(Executor strand, Scheduler scheduler, long delayMillis, Runnable task) {
        return new Timer(strand, scheduler, delayMillis, task);
    }

    private void fire() {
        if (running) {
            running = false;
            task.run();
        }
    }

    /** Whether the task has neither run nor been cancelled. */
    public boolean isRunning() {
        return running;
    }

    /** Cancels the timer; idempotent. */
    public void cancel() {
        if (running) {
            running = false;
            handle.cancel();
        }
    }
}
