package io.pusherj.testkit.junit;

import java.time.Duration;
import java.util.List;

/** pusherj's own threads (named {@code pusherj-…}), and the check that none outlives its clients. */
final class Threads {
    /** Frames of each thread left behind shown in the failure, enough to see what it waits for. */
    private static final int STACK_FRAMES = 12;

    private Threads() {}

    /** {@return pusherj's threads alive now} */
    static List<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pusherj-") && t.isAlive())
                .toList();
    }

    /**
     * Waits up to {@code within} for pusherj's threads to end (joining them, no polling) and fails naming
     * those still alive.
     */
    static void assertNoneLeft(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread t : alive()) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
        }
        List<Thread> left = alive();
        if (!left.isEmpty()) {
            StringBuilder where = new StringBuilder();
            for (Thread t : left) {
                where.append("\n")
                        .append(t.getName())
                        .append(" (")
                        .append(t.getState())
                        .append(")");
                StackTraceElement[] stack = t.getStackTrace();
                for (int i = 0; i < Math.min(STACK_FRAMES, stack.length); i++) {
                    where.append("\n    at ").append(stack[i]);
                }
            }
            throw new AssertionError("pusherj threads outlived the test's clients (a client not closed?): "
                    + left.stream().map(Thread::getName).sorted().toList() + where);
        }
    }
}
