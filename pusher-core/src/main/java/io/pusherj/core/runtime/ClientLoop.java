package io.pusherj.core.runtime;

import io.pusherj.api.spi.Scheduler;
import java.util.concurrent.Executor;

/**
 * A client's execution context: its strand (where all its state lives), how frames reach that strand, and
 * its scheduler (timers and the time). Everything the state machine and the strategies run or time goes
 * through it, so tests can run them on virtual time. Passed around as {@code loop}.
 *
 * @param strand the client's serial executor
 * @param inbound how transports' I/O threads hand frames to the strand, within the client's limit: the
 *                same strand, run on the calling thread when it is idle ({@link SerialExecutor#executeInline})
 * @param scheduler the timer and clock
 */
public record ClientLoop(Executor strand, InboundQueue inbound, Scheduler scheduler) {
    /** A loop whose frames are queued on the strand like any task (tests on virtual time). */
    public ClientLoop(Executor strand, Scheduler scheduler) {
        this(strand, InboundQueue.unbounded(strand), scheduler);
    }

    /** Starts a timer whose task runs on the strand. */
    public Timer start(long delayMillis, Runnable task) {
        return Timer.start(strand, scheduler, delayMillis, task);
    }

    /** Runs {@code task} on the strand later, never inline (pusher-js {@code Util.defer}). */
    public void defer(Runnable task) {
        strand.execute(task);
    }

    /** The current time in milliseconds. */
    public long now() {
        return scheduler.nowMillis();
    }
}
