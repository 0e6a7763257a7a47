package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * In this order, in one fresh JVM: the first connect (creating the client included, so class loading and
 * the shared runtime's start count); opening {@code clients} clients at once until all are connected;
 * then {@code samples} connects one after another in the now warm JVM.
 */
final class OpenRun implements Measure.Run {
    @Override
    public JsonObjectBuilder run(Library library, Target target, Settings settings) throws Exception {
        long start = System.nanoTime();
        try (BenchClient first = library.create(target, settings.transport())) {
            first.connect().get(60, TimeUnit.SECONDS);
            double firstMillis = millisSince(start);

            int n = settings.clients();
            List<BenchClient> many = new ArrayList<>(n);
            long openStart = System.nanoTime();
            long openCpuStart = ProcessStats.cpuNanos();
            long openAllocatedStart = ProcessStats.allocatedBytes();
            double openMillis;
            double openCpuMillis;
            long openAllocated;
            try {
                List<CompletableFuture<Void>> connected = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    BenchClient c = library.create(target, settings.transport());
                    many.add(c);
                    connected.add(c.connect());
                }
                CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new))
                        .get(ClientGroup.openTimeoutSeconds(n), TimeUnit.SECONDS);
                openMillis = millisSince(openStart);
                openCpuMillis = (ProcessStats.cpuNanos() - openCpuStart) / 1e6;
                openAllocated = ProcessStats.allocatedBytes() - openAllocatedStart;
            } finally {
                many.forEach(BenchClient::close);
            }

            double[] warm = new double[settings.samples()];
            for (int i = 0; i < warm.length; i++) {
                long t = System.nanoTime();
                try (BenchClient c = library.create(target, settings.transport())) {
                    c.connect().get(30, TimeUnit.SECONDS);
                    warm[i] = millisSince(t);
                }
            }
            Percentiles p = new Percentiles(warm);
            return Json.createObjectBuilder()
                    .add("first_connect_ms", EventRateRun.round(firstMillis))
                    .add("clients", n)
                    .add("open_all_ms", EventRateRun.round(openMillis))
                    // CPU this process spent opening them: near the wall time × cores means CPU-bound.
                    .add("open_all_cpu_ms", EventRateRun.round(openCpuMillis))
                    // Heap the JVM allocated (garbage included) per client opened.
                    .add("open_allocated_bytes_per_client", Math.round(openAllocated / (double) n))
                    .add("warm_connects", warm.length)
                    .add("warm_connect_median_ms", round2(p.median()))
                    .add("warm_connect_p90_ms", round2(p.at(90)))
                    .add("transport", first.transport());
        }
    }

    static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
