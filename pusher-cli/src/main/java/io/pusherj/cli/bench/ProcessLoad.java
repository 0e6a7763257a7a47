package io.pusherj.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The bench's own load over a phase: the share of the machine's cores its process used, its heap and its
 * threads. A bench that used nearly every core measured itself, not the server: the result says so.
 *
 * @param startNanos when the phase began ({@link System#nanoTime()})
 * @param startCpuNanos the process's CPU time then
 */
record ProcessLoad(long startNanos, long startCpuNanos) {
    /** Above this share of all cores, the bench counts as saturated. */
    static final double SATURATED_PERCENT = 90;

    /** What the phase measured. */
    record Measured(double cpuPercent, boolean saturated, long heapUsedBytes, int threads) {}

    static ProcessLoad start() {
        return new ProcessLoad(System.nanoTime(), cpuNanos());
    }

    Measured since() {
        long wall = Math.max(1, System.nanoTime() - startNanos);
        double percent = 100.0
                * (cpuNanos() - startCpuNanos)
                / wall
                / Runtime.getRuntime().availableProcessors();
        return new Measured(
                percent,
                percent >= SATURATED_PERCENT,
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(),
                Thread.activeCount());
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
