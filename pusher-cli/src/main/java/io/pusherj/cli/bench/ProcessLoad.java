package io.pusherj.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bench's own load over a phase: the share of the machine's cores its process used, the share of one
 * core its busiest thread used, its heap and its threads. A bench that used nearly every core, or whose
 * busiest thread (a socket reader, the publisher) was never idle, measured itself, not the server: the
 * result says so.
 */
final class ProcessLoad {
    /** At or above this share, of all cores or of the busiest thread's core, the bench counts as saturated. */
    static final double SATURATED_PERCENT = 90;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long startNanos;
    private final long startCpuNanos;
    private final Map<Long, Long> startThreadCpu;
    /** CPU time of threads that ended during the phase (the publishers), taken as they ended. */
    private final Map<Long, Long> endedThreadCpu = new ConcurrentHashMap<>();

    /** What the phase measured. */
    record Measured(
            double cpuPercent, double busiestThreadPercent, boolean saturated, long heapUsedBytes, int threads) {}

    private ProcessLoad() {
        startNanos = System.nanoTime();
        startCpuNanos = cpuNanos();
        startThreadCpu = threadCpu();
    }

    static ProcessLoad start() {
        return new ProcessLoad();
    }

    /**
     * Called by a thread of the phase as its last act: its CPU time would otherwise be gone from the busiest
     * thread's reckoning by the time the phase is measured.
     */
    void threadEnding() {
        endedThreadCpu.put(Thread.currentThread().getId(), THREADS.getCurrentThreadCpuTime());
    }

    Measured since() {
        long wall = Math.max(1, System.nanoTime() - startNanos);
        double percent = 100.0
                * (cpuNanos() - startCpuNanos)
                / wall
                / Runtime.getRuntime().availableProcessors();
        long busiest = 0;
        Map<Long, Long> now = threadCpu();
        endedThreadCpu.forEach(now::putIfAbsent);
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            busiest = Math.max(busiest, e.getValue() - startThreadCpu.getOrDefault(e.getKey(), 0L));
        }
        double busiestPercent = 100.0 * busiest / wall;
        return new Measured(
                percent,
                busiestPercent,
                percent >= SATURATED_PERCENT || busiestPercent >= SATURATED_PERCENT,
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(),
                THREADS.getThreadCount());
    }

    /** {@return the process's CPU time since the start, all threads, in nanoseconds} */
    long cpuNanosSinceStart() {
        return cpuNanos() - startCpuNanos;
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of every live thread, by id; a bench has a few dozen. */
    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }
}
