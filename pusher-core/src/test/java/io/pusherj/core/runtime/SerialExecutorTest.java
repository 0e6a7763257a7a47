package io.pusherj.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The strand's order guarantee, and frames run on the I/O thread only while the strand is idle. */
class SerialExecutorTest {
    /** A pool that runs nothing until the test says so. */
    static final class ManualPool implements Executor {
        final Queue<Runnable> pending = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            pending.add(r);
        }

        void runAll() {
            for (Runnable r = pending.poll(); r != null; r = pending.poll()) {
                r.run();
            }
        }
    }

    /** Inline runs never hit this budget in a test, however slow the machine (logging a failure takes ms). */
    static final long AMPLE_BUDGET = 60_000_000_000L;

    final ManualPool pool = new ManualPool();
    final List<String> ran = new ArrayList<>();

    @Test
    void anIdleStrandRunsAnInlineTaskOnTheCallingThreadAsTheStrand() {
        SerialExecutor strand = new SerialExecutor(pool, AMPLE_BUDGET);
        Thread caller = Thread.currentThread();
        strand.executeInline(() -> {
            assertSame(caller, Thread.currentThread());
            assertTrue(strand.isCurrentThread());
            ran.add("frame");
        });
        assertEquals(List.of("frame"), ran);
        assertTrue(pool.pending.isEmpty(), "no hand-off to the pool");
        assertTrue(!strand.isCurrentThread(), "the caller is not the strand once the task is done");
    }

    @Test
    void aBusyStrandQueuesTheInlineTaskBehindWhatCameFirst() {
        SerialExecutor strand = new SerialExecutor(pool, AMPLE_BUDGET);
        strand.execute(() -> ran.add("first"));
        strand.executeInline(() -> ran.add("frame"));
        assertEquals(List.of(), ran, "the strand was already scheduled on the pool: nothing runs inline");
        pool.runAll();
        assertEquals(List.of("first", "frame"), ran);
    }

    @Test
    void tasksQueuedDuringAnInlineRunFollowInOrderOnTheSameThread() {
        SerialExecutor strand = new SerialExecutor(pool, AMPLE_BUDGET);
        strand.executeInline(() -> {
            ran.add("frame");
            strand.execute(() -> ran.add("follow-up"));
            strand.executeInline(() -> ran.add("nested frame"));
        });
        assertEquals(List.of("frame", "follow-up", "nested frame"), ran);
        assertTrue(pool.pending.isEmpty());
    }

    @Test
    void pastItsBudgetTheInlineRunHandsTheRestToThePool() {
        SerialExecutor strand = new SerialExecutor(pool, 0);
        strand.executeInline(() -> {
            ran.add("slow listener");
            strand.execute(() -> ran.add("later"));
        });
        assertEquals(List.of("slow listener"), ran, "the I/O thread returns after its budget");
        assertEquals(1, pool.pending.size());
        strand.executeInline(() -> ran.add("next frame"));
        assertEquals(List.of("slow listener"), ran, "while the pool owns the strand, frames only queue");
        pool.runAll();
        assertEquals(List.of("slow listener", "later", "next frame"), ran);
    }

    @Test
    void aFailingTaskDoesNotStopTheStrand() {
        SerialExecutor strand = new SerialExecutor(pool, AMPLE_BUDGET);
        strand.executeInline(() -> {
            strand.execute(() -> ran.add("after"));
            throw new IllegalStateException("boom");
        });
        assertEquals(List.of("after"), ran);
    }
}
