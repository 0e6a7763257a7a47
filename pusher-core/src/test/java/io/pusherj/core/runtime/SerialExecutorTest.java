package io.pusherj.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    @Test
    void aLoggerThatThrowsWhileReportingAFailureDoesNotStopTheStrand() {
        // What a JVM out of file descriptors does to JUL: every record's formatting throws an Error.
        Logger jul = Logger.getLogger(SerialExecutor.class.getName());
        Handler broken = new Handler() {
            @Override
            public void publish(LogRecord r) {
                throw new NoClassDefFoundError("Could not initialize class sun.util.calendar.ZoneInfoFile");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jul.addHandler(broken);
        Thread self = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = self.getUncaughtExceptionHandler();
        List<Throwable> lastResort = new ArrayList<>();
        self.setUncaughtExceptionHandler((t, e) -> lastResort.add(e)); // where the JVM reports what nobody caught
        try {
            SerialExecutor strand = new SerialExecutor(pool, AMPLE_BUDGET);
            strand.execute(() -> {
                throw new IllegalStateException("a bug in a listener");
            });
            strand.execute(() -> ran.add("next"));
            pool.runAll();
            assertEquals(List.of("next"), ran, "the strand ran on");
            strand.execute(() -> ran.add("later"));
            pool.runAll();
            assertEquals(List.of("next", "later"), ran, "and is scheduled again for what comes after");
        } finally {
            self.setUncaughtExceptionHandler(previous);
            jul.removeHandler(broken);
        }
        assertEquals(1, lastResort.size(), lastResort.toString());
        String reported = lastResort.get(0) + " " + List.of(lastResort.get(0).getSuppressed());
        assertTrue(reported.contains("a bug in a listener") && reported.contains("ZoneInfoFile"), reported);
    }

    @Test
    void whatWaitsInTheQueueRunsBeforeAnInlineTaskThatFindsTheStrandIdle() {
        // The pool refused the drain (shutting down), so the task stays queued with nobody running it.
        boolean[] refused = {false};
        Executor refusesOnce = r -> {
            if (!refused[0]) {
                refused[0] = true;
                throw new RejectedExecutionException("shutting down");
            }
            pool.execute(r);
        };
        SerialExecutor strand = new SerialExecutor(refusesOnce, AMPLE_BUDGET);
        strand.execute(() -> ran.add("queued while the pool refused"));
        assertEquals(List.of(), ran);
        strand.executeInline(() -> ran.add("frame"));
        assertEquals(List.of("queued while the pool refused", "frame"), ran);
    }

    @Test
    void twoSlowInlineTasksInARowSendTheNextFramesToThePool() {
        SerialExecutor strand = new SerialExecutor(pool, 0); // every task that takes any time is slow
        strand.executeInline(() -> slowly(() -> ran.add("1")));
        strand.executeInline(() -> slowly(() -> ran.add("2")));
        assertEquals(List.of("1", "2"), ran, "both ran inline, on an idle strand, without the queue");
        strand.executeInline(() -> ran.add("3"));
        assertEquals(List.of("1", "2"), ran, "backing off: the frame went to the pool");
        assertEquals(1, pool.pending.size());
        pool.runAll();
        assertEquals(List.of("1", "2", "3"), ran);
    }

    /** Runs {@code task} and returns only once the clock has moved, so the task took some time. */
    private static void slowly(Runnable task) {
        long start = System.nanoTime();
        task.run();
        while (System.nanoTime() == start) {
            Thread.onSpinWait();
        }
    }

    @Test
    void withManyProducersEveryTaskRunsOnceOneAtATimeInEachProducersOrder() throws Exception {
        int producers = 4;
        int perProducer = 20_000;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            SerialExecutor strand = new SerialExecutor(threads, AMPLE_BUDGET);
            AtomicInteger running = new AtomicInteger();
            AtomicBoolean overlapped = new AtomicBoolean();
            int[] next = new int[producers]; // strand-confined: the strand's hand-offs order these accesses
            List<String> outOfOrder = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(producers * perProducer);
            List<Thread> started = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                Thread t = new Thread(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        int seq = i;
                        Runnable task = () -> {
                            if (running.incrementAndGet() != 1) {
                                overlapped.set(true);
                            }
                            if (next[producer] != seq) {
                                outOfOrder.add(producer + ": " + seq + " after " + (next[producer] - 1));
                            }
                            next[producer] = seq + 1;
                            running.decrementAndGet();
                            done.countDown();
                        };
                        if (seq % 2 == 0) {
                            strand.executeInline(task); // as a transport's I/O thread hands a frame over
                        } else {
                            strand.execute(task);
                        }
                    }
                });
                started.add(t);
                t.start();
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), "every task ran: " + done.getCount() + " missing");
            for (Thread t : started) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertFalse(overlapped.get(), "two tasks of one strand ran at once");
            assertEquals(List.of(), outOfOrder);
        } finally {
            threads.shutdownNow();
        }
    }
}
