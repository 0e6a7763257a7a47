package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * Heap after GC, RSS and threads per idle connected client. The baseline is taken with one client
 * already connected and subscribed, so the library's classes and shared runtime are in it and only the
 * cost of each further connection is divided out.
 */
final class IdleRun implements Measure.Run {
    static final String CHANNEL = "idle";

    /** Keeps the clients open after measuring, for {@code jcmd <pid> GC.class_histogram} and the like. */
    private static void holdForInspection(Settings settings) throws InterruptedException {
        if (settings.holdSeconds() > 0) {
            System.err.println("holding " + settings.clients() + " clients for " + settings.holdSeconds()
                    + " s; pid " + ProcessHandle.current().pid());
            Thread.sleep(settings.holdSeconds() * 1000L); // a deliberate pause for a human, bounded
        }
    }

    @Override
    public JsonObjectBuilder run(Library library, Target target, Settings settings) throws Exception {
        try (ClientGroup first = ClientGroup.open(library, target, settings.transport(), 1, CHANNEL, i -> Map.of())) {
            long heapBefore = ProcessStats.heapAfterGc();
            long rssBefore = ProcessStats.rssBytes();
            int threadsBefore = ProcessStats.threads();
            int n = settings.clients();
            try (ClientGroup group = ClientGroup.open(library, target, settings.transport(), n, CHANNEL, i -> Map.of())) {
                long heapAfter = ProcessStats.heapAfterGc();
                long rssAfter = ProcessStats.rssBytes();
                int threadsAfter = ProcessStats.threads();
                holdForInspection(settings);
                return Json.createObjectBuilder().add("clients", group.size() + first.size())
                        .add("heap_bytes_per_client", (heapAfter - heapBefore) / n)
                        .add("rss_bytes_per_client", (rssAfter - rssBefore) / n)
                        .add("heap_after_gc_bytes", heapAfter)
                        .add("threads_with_one_client", threadsBefore)
                        .add("threads", threadsAfter)
                        .add("threads_added", threadsAfter - threadsBefore)
                        .add("transport", settings.transport());
            }
        }
    }
}
