package io.pusherj.bench.load;

import io.pusherj.server.RestClient;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * {@code clients} clients on one channel; {@code samples} times, one event of {@code payload} bytes published
 * through the HTTP API and awaited by every client, back to back or at {@code rate} a second. Latency runs
 * from just before the publish request to each client's listener; every delivery is counted, so a lost event
 * shows. The process's CPU from the first publish to the last delivery, per delivery, is the library's cost
 * of a fan-out delivery with nothing but a counter in its listener: the floor {@code pusherj bench}'s own
 * cost per delivered event is compared against.
 */
final class BroadcastRun implements Measure.Run {
    static final String CHANNEL = "broadcast";

    @SuppressWarnings("try") // the client group is held open for the whole measurement, never referenced by name
    @Override
    public JsonObjectBuilder run(Library library, Target target, Settings settings) throws Exception {
        int n = settings.clients();
        int rounds = settings.samples();
        double[] latencies = new double[n * rounds];
        AtomicReference<Round> current = new AtomicReference<>();
        RestClient rest = new RestClient(target.httpUri(), target.appId(), target.key(), target.secret());
        long lost = 0;
        long startCpu;
        long endCpu;
        try (ClientGroup group = ClientGroup.open(
                library,
                target,
                settings.transport(),
                n,
                CHANNEL,
                i -> Map.<String, Consumer<String>>of(Flood.EVENT, data -> {
                    Round r = current.get();
                    int space = data.indexOf(' ');
                    int round = Integer.parseInt(data, 0, space < 0 ? data.length() : space, 10);
                    latencies[round * n + i] = (System.nanoTime() - r.sentAt) / 1e6;
                    r.delivered.countDown();
                }))) {
            long intervalNanos = settings.rate() > 0 ? TimeUnit.SECONDS.toNanos(1) / settings.rate() : 0;
            long start = System.nanoTime();
            startCpu = ProcessStats.cpuNanos();
            for (int round = 0; round < rounds; round++) {
                long wait = start + round * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the broadcasts at --rate
                }
                Round r = new Round(n);
                current.set(r);
                RestClient.Result result = rest.trigger(CHANNEL, Flood.EVENT, data(round, settings.payload()));
                if (!result.isSuccess()) {
                    throw new IllegalStateException("publish refused: " + result);
                }
                r.delivered.await(60, TimeUnit.SECONDS);
                lost += r.delivered.getCount();
            }
            endCpu = ProcessStats.cpuNanos();
        }
        Percentiles p = new Percentiles(latencies);
        return Json.createObjectBuilder()
                .add("clients", n)
                .add("broadcasts", rounds)
                .add("deliveries", (long) n * rounds - lost)
                .add("lost", lost)
                .add("payload_bytes", settings.payload())
                .add("rate", settings.rate())
                .add(
                        "cpu_ns_per_delivery",
                        Math.round((endCpu - startCpu) / (double) Math.max(1, (long) n * rounds - lost)))
                .add("latency_p50_ms", OpenRun.round2(p.at(50)))
                .add("latency_p99_ms", OpenRun.round2(p.at(99)))
                .add("latency_max_ms", OpenRun.round2(p.max()));
    }

    /** The round's number, padded with {@code x} to {@code payload} bytes. */
    static String data(int round, int payload) {
        String number = Integer.toString(round);
        return number.length() + 1 >= payload ? number : number + " " + "x".repeat(payload - number.length() - 1);
    }

    /** One broadcast: when it was sent, and who has it. */
    private static final class Round {
        final long sentAt = System.nanoTime();
        final CountDownLatch delivered;

        Round(int n) {
            delivered = new CountDownLatch(n);
        }
    }
}
