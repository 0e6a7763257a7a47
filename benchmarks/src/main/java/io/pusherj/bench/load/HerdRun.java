package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thundering herd: {@code clients} clients subscribed to one channel; the server goes away (every
 * connection dropped, new ones refused) for 5 s and comes back on the same port ({@link HerdServerCommand},
 * in a process of its own). Measured at the server: the connection attempts per 100 ms window once it is
 * back (the peak as a share of the clients: how well the herd is spread) and the time until every client is
 * subscribed again. From the moment it is back the server publishes a numbered event every second, and one
 * more once all are back. Every client subscribed (at the server) when an event was published must get it:
 * the loss is, per event, the clients the server had subscribed less the deliveries counted here; and no
 * client may skip a number between the first it gets and the last.
 */
final class HerdRun implements Measure.Run {
    @SuppressWarnings("try") // the client group is held open for the whole measurement, never referenced by name
    @Override
    public JsonObjectBuilder run(Library library, Target ignored, Settings settings) throws Exception {
        int n = settings.clients();
        int[] last = new int[n];
        Arrays.fill(last, -1);
        AtomicLong gaps = new AtomicLong();
        Map<Integer, Integer> received = new HashMap<>(); // deliveries per event number, guarded by last
        Process server = new ProcessBuilder(ChildJvm.command("-Xmx2g", "herd-server", "--clients", Integer.toString(n)))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            JsonObject ready = ChildJvm.nextJsonLine(lines);
            if (ready == null) {
                throw new IllegalStateException("the herd server did not start");
            }
            Target target = new Target(
                    ready.getString("host"),
                    ready.getInt("port"),
                    ready.getString("key"),
                    ready.getString("app_id"),
                    ready.getString("secret"));
            try (ClientGroup group = ClientGroup.openInBatches(
                    library,
                    target,
                    settings.transport(),
                    n,
                    500,
                    HerdServerCommand.CHANNEL,
                    i -> Map.of(HerdServerCommand.EVENT, data -> {
                        int seq = Integer.parseInt(data);
                        synchronized (last) {
                            received.merge(seq, 1, Integer::sum);
                            if (last[i] >= 0 && seq > last[i] + 1) {
                                gaps.addAndGet(seq - last[i] - 1);
                            }
                            last[i] = Math.max(last[i], seq);
                        }
                    }))) {
                JsonObject result = ChildJvm.nextJsonLine(lines); // the outage, the recovery, the tail
                if (result == null) {
                    throw new IllegalStateException("the herd server ended without a result");
                }
                int tail = result.getInt("tail");
                long missingTail = waitForTail(last, tail, 30);
                long lost = 0; // per event: the clients subscribed when it was published, less those that got it
                JsonArray expected = result.getJsonArray("expected_per_event");
                synchronized (last) {
                    for (int seq = 0; seq < expected.size(); seq++) {
                        lost += Math.max(0, expected.getInt(seq) - received.getOrDefault(seq, 0));
                    }
                }
                JsonObjectBuilder line = Json.createObjectBuilder().add("clients", n);
                result.forEach((k, v) -> {
                    if (!k.equals("herd") && !k.equals("expected_per_event")) {
                        line.add(k, v);
                    }
                });
                return line.add("events_published", tail + 1)
                        .add(
                                "deliveries_expected",
                                expected.getValuesAs(JsonNumber.class).stream()
                                        .mapToLong(JsonNumber::longValue)
                                        .sum())
                        .add("lost_after_resubscribing", lost)
                        .add("gaps_or_missing_tail", gaps.get() + missingTail)
                        .add("server", "own process");
            }
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Waits (bounded) until every client got the tail event; returns how many did not. */
    private static long waitForTail(int[] last, int tail, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long missing;
            synchronized (last) {
                missing = Arrays.stream(last).filter(s -> s != tail).count();
            }
            if (missing == 0 || System.nanoTime() > deadline) {
                return missing;
            }
            Thread.sleep(50); // a bounded poll of the clients' records (a benchmark, not a test)
        }
    }
}
