package io.pusherj.bench.load;

import io.pusherj.server.RestClient;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code clients} clients on one channel; {@code samples} times, one event published through the HTTP
 * API and awaited by every client. Latency runs from just before the publish request to each client's
 * listener; every delivery is counted, so a lost event shows.
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
        try (ClientGroup group = ClientGroup.open(
                library,
                target,
                settings.transport(),
                n,
                CHANNEL,
                i -> Map.<String, Consumer<String>>of(Flood.EVENT, data -> {
                    Round r = current.get();
                    int round = Integer.parseInt(data);
                    latencies[round * n + i] = (System.nanoTime() - r.sentAt) / 1e6;
                    r.delivered.countDown();
                }))) {
            for (int round = 0; round < rounds; round++) {
                Round r = new Round(n);
                current.set(r);
                RestClient.Result result = rest.trigger(CHANNEL, Flood.EVENT, Integer.toString(round));
                if (!result.isSuccess()) {
                    throw new IllegalStateException("publish refused: " + result);
                }
                r.delivered.await(60, TimeUnit.SECONDS);
                lost += r.delivered.getCount();
            }
        }
        Percentiles p = new Percentiles(latencies);
        return Json.createObjectBuilder()
                .add("clients", n)
                .add("broadcasts", rounds)
                .add("deliveries", (long) n * rounds - lost)
                .add("lost", lost)
                .add("latency_p50_ms", OpenRun.round2(p.at(50)))
                .add("latency_p99_ms", OpenRun.round2(p.at(99)))
                .add("latency_max_ms", OpenRun.round2(p.max()));
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
