package io.pusherj.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/** What this JVM costs: CPU time, heap after a full collection, resident memory, live threads. */
final class ProcessStats {
    private ProcessStats() {}

    /** CPU time of the whole process (every thread, GC and JIT included), in nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The kernel's count of this process's CPU time so far, in clock ticks: {@code [user, system]} from
     * {@code /proc/self/stat}; {@code [0, 0]} where there is no procfs. Only their ratio is used: which share of
     * the time went to the kernel (system calls, wake-ups), which JFR's Java stacks do not show.
     */
    static long[] userSystemTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // After the command name in parentheses: state is field 3; utime and stime are fields 14 and 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    /** Bytes allocated on the heap by all threads of this JVM so far (the JVM's own count, live threads only). */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    /** Heap in use after full collections, until two in a row agree within 1%. Bounded to ten rounds. */
    static long heapAfterGc() {
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < used / 100) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /** Resident set size from {@code /proc/self/status}, in bytes; -1 where there is no procfs. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            if (Files.exists(Path.of("/proc/self"))) {
                throw new UncheckedIOException(e);
            }
            return -1;
        }
    }

    /**
     * Memory the JVM has committed, by Native Memory Tracking's count, in bytes: the whole process and the
     * part outside the Java heap. Empty unless the JVM runs with {@code -XX:NativeMemoryTracking=summary}.
     */
    static Optional<long[]> nmtCommittedBytes() {
        String summary;
        try {
            summary = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "vmNativeMemory",
                            new Object[] {new String[] {"summary"}},
                            new String[] {String[].class.getName()});
        } catch (JMException e) {
            return Optional.empty();
        }
        Matcher total = NMT_TOTAL.matcher(summary);
        Matcher heap = NMT_HEAP.matcher(summary);
        if (!total.find() || !heap.find()) {
            return Optional.empty(); // tracking is off
        }
        long totalBytes = Long.parseLong(total.group(1)) * 1024;
        return Optional.of(new long[] {totalBytes, totalBytes - Long.parseLong(heap.group(1)) * 1024});
    }

    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern NMT_HEAP = Pattern.compile("Java Heap \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    /** Live threads in this JVM. */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
