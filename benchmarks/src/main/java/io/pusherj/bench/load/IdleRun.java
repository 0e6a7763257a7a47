package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;

/**
 * Heap after GC, RSS and threads per idle connected client. The baseline is taken with one client
 * already connected and subscribed, so the library's classes and shared runtime are in it and only the
 * cost of each further connection is divided out.
 *
 * <p>Resident memory: with {@code -XX:+AlwaysPreTouch} (as {@code compare} runs it) the whole heap is
 * resident from the start, so the growth of RSS is what connections add outside the heap (thread stacks,
 * native buffers); {@code rss_bytes_per_client} adds the heap each client retains to that. Without
 * pretouch, RSS growth also counts heap pages first touched by the garbage of connecting, which says more
 * about the collector than about the client.
 */
final class IdleRun implements Measure.Run {
    static final String CHANNEL = "idle";
    private static final boolean HEAP_PRETOUCHED =
            ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch");

    /**
     * Idle means after the connect burst: a bounded pause so that what a library tidies up on its own
     * (pooled keep-alive connections closed after 5 s of idleness, for instance) is tidied up.
     */
    private static void settle(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L); // a measured idle period, not a wait for an event
    }

    /** Keeps the clients open after measuring, for {@code jcmd <pid> GC.class_histogram} and the like. */
    private static void holdForInspection(Settings settings) throws InterruptedException {
        if (settings.holdSeconds() > 0) {
            System.err.println("holding " + settings.clients() + " clients for " + settings.holdSeconds() + " s; pid "
                    + ProcessHandle.current().pid());
            Thread.sleep(settings.holdSeconds() * 1000L); // a deliberate pause for a human, bounded
        }
    }

    @Override
    public JsonObjectBuilder run(Library library, Target target, Settings settings) throws Exception {
        int threadsAtStart = ProcessStats.threads();
        try (ClientGroup first = ClientGroup.open(library, target, settings.transport(), 1, CHANNEL, i -> Map.of())) {
            long heapBefore = ProcessStats.heapAfterGc();
            long rssBefore = ProcessStats.rssBytes();
            Optional<long[]> nmtBefore = ProcessStats.nmtCommittedBytes();
            int threadsBefore = ProcessStats.threads();
            int n = settings.clients();
            try (ClientGroup group =
                    ClientGroup.open(library, target, settings.transport(), n, CHANNEL, i -> Map.of())) {
                int threadsJustOpened = ProcessStats.threads();
                settle(settings.settleSeconds());
                long heapAfter = ProcessStats.heapAfterGc();
                long rssAfter = ProcessStats.rssBytes();
                Optional<long[]> nmtAfter = ProcessStats.nmtCommittedBytes();
                int threadsAfter = ProcessStats.threads();
                holdForInspection(settings);
                long heapPerClient = (heapAfter - heapBefore) / n;
                long nativePerClient = (rssAfter - rssBefore) / n;
                var figures = Json.createObjectBuilder();
                if (nmtBefore.isPresent() && nmtAfter.isPresent()) {
                    // The JVM's own count of what it committed, next to the kernel's RSS: they differ by pages
                    // committed but not yet touched, and by memory outside the JVM's view (libc arenas).
                    figures.add(
                                    "nmt_committed_bytes_per_client",
                                    (nmtAfter.get()[0] - nmtBefore.get()[0]) / n)
                            .add(
                                    "nmt_outside_heap_bytes_per_client",
                                    (nmtAfter.get()[1] - nmtBefore.get()[1]) / n)
                            .add("process_rss_bytes_per_client", nativePerClient);
                }
                return figures.add("clients", group.size() + first.size())
                        .add("heap_bytes_per_client", heapPerClient)
                        .add("native_rss_bytes_per_client", nativePerClient)
                        .add("rss_bytes_per_client", nativePerClient + heapPerClient)
                        .add("heap_pretouched", HEAP_PRETOUCHED)
                        .add("heap_after_gc_bytes", heapAfter)
                        .add("threads_before_any_client", threadsAtStart)
                        .add("library_threads_just_opened", threadsJustOpened - threadsAtStart)
                        .add("library_threads", threadsAfter - threadsAtStart)
                        .add("settle_seconds", settings.settleSeconds())
                        .add("threads_with_one_client", threadsBefore)
                        .add("threads", threadsAfter)
                        .add("threads_added", threadsAfter - threadsBefore)
                        .add("transport", settings.transport());
            }
        }
    }
}
