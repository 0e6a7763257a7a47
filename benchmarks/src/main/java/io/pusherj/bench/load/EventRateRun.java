package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One client, two floods written as fast as the socket drains: {@code warmup} events on one channel,
 * received in full before anything is measured (so the JIT has settled and no library still has frames
 * queued), then {@code events} on a second channel, over which CPU and wall time are counted. Every
 * event must arrive once and in order.
 */
final class EventRateRun implements Measure.Run {
    @Override
    public JsonObjectBuilder run(Library library, Target target, Settings settings) throws Exception {
        try (BenchClient client = library.create(target, settings.transport())) {
            client.connect().get(30, TimeUnit.SECONDS);
            Phase warmup = Phase.run(client, new Flood(settings.warmup(), settings.payload(), 0, "warmup"));
            if (!warmup.complete()) {
                return warmup.figures().add("phase", "warmup");
            }
            return Phase.run(client, new Flood(settings.events(), settings.payload(), settings.rate(), "steady"))
                    .figures()
                    .add("warmup_events", settings.warmup())
                    .add("transport", client.transport());
        }
    }

    /** One flood, from the subscribe request to the last event. */
    private static final class Phase {
        private final Flood flood;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final CompletableFuture<Long> feederNanos = new CompletableFuture<>();
        // Written on the library's callback thread; read after done completes, which publishes them.
        private int received;
        private int outOfOrder;
        private int next;
        private long startWall;
        private long startCpu;
        private long endWall;
        private long firstEventWall;
        private long endCpu;
        private long[] startTicks;
        private long[] endTicks;
        private long startAllocated;
        private long endAllocated;
        /** How long every {@value #DELAY_SAMPLE_EVERY}th event took from the feeder to its listener, in ns. */
        private final long[] delays;

        private int delayCount;

        private Phase(Flood flood) {
            this.flood = flood;
            this.delays = new long[flood.count() / DELAY_SAMPLE_EVERY + 1];
        }

        static Phase run(BenchClient client, Flood flood) throws Exception {
            Phase p = new Phase(flood);
            Map<String, Consumer<String>> handlers = Map.of(
                    Flood.EVENT, p::event, Flood.DONE_EVENT, data -> p.feederNanos.complete(Long.parseLong(data)));
            p.startTicks = ProcessStats.userSystemTicks();
            p.startCpu = ProcessStats.cpuNanos();
            p.startAllocated = ProcessStats.allocatedBytes();
            p.startWall = System.nanoTime();
            client.subscribe(flood.channel(), handlers).get(30, TimeUnit.SECONDS);
            try {
                // Bounded: a minute plus a generous 20 µs per event.
                p.done.get(60 + flood.count() / 50_000, TimeUnit.SECONDS);
                p.feederNanos.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // Reported as incomplete, with what arrived.
            }
            return p;
        }

        private void event(String data) {
            int index = Flood.index(data);
            if (index % DELAY_SAMPLE_EVERY == 0 && delayCount < delays.length) {
                long age = Flood.ageNanos(data);
                if (age >= 0) {
                    delays[delayCount++] = age;
                }
            }
            if (index != next) {
                outOfOrder++;
            }
            next = index + 1;
            if (++received == 1) {
                firstEventWall = System.nanoTime();
            }
            if (received == flood.count()) {
                endCpu = ProcessStats.cpuNanos();
                endTicks = ProcessStats.userSystemTicks();
                endAllocated = ProcessStats.allocatedBytes();
                endWall = System.nanoTime();
                done.complete(null);
            }
        }

        boolean complete() {
            return done.isDone() && feederNanos.isDone();
        }

        JsonObjectBuilder figures() {
            JsonObjectBuilder b = Json.createObjectBuilder().add("events", flood.count());
            if (!complete()) {
                return b.add("complete", false).add("lost", flood.count() - receivedSoFar());
            }
            double clientSeconds = (endWall - startWall) / 1e9;
            double clientRate = flood.count() / clientSeconds;
            double feederRate = flood.count() / (feederNanos.join() / 1e9);
            return b.add("complete", true)
                    .add("lost", flood.count() - received)
                    .add("out_of_order", outOfOrder)
                    .add("cpu_ns_per_event", round((endCpu - startCpu) / (double) flood.count()))
                    .add("cpu_system_share", systemShare())
                    .add(
                            "allocated_bytes_per_event",
                            Math.round((endAllocated - startAllocated) / (double) flood.count()))
                    .add("events_per_s", Math.round(clientRate))
                    // From subscribing to the first event, and the rate from the first event to the last: a slow
                    // start lowers events_per_s without the client being slower at taking events.
                    .add("first_event_ms", round((firstEventWall - startWall) / 1e6))
                    .add(
                            "events_per_s_after_first",
                            flood.count() > 1
                                    ? Math.round((flood.count() - 1) / ((endWall - firstEventWall) / 1e9))
                                    : 0)
                    .add("delay_ms_p50", delayMillis(50))
                    .add("delay_ms_p99", delayMillis(99))
                    .add("feeder_events_per_s", Math.round(feederRate))
                    // The feeder outran the client when it finished writing before the client finished reading.
                    .add("feeder_outran_client", feederRate > clientRate * 1.05);
        }

        /**
         * The {@code p}th percentile of the sampled delays from the feeder building a frame to the listener
         * seeing its event, in ms; -1 when the events were too short to carry the send time.
         */
        private double delayMillis(double p) {
            if (delayCount == 0) {
                return -1;
            }
            double[] millis = new double[delayCount];
            for (int i = 0; i < delayCount; i++) {
                millis[i] = delays[i] / 1e6;
            }
            return Math.round(new Percentiles(millis).at(p) * 100) / 100.0;
        }

        /** The kernel's share of the CPU time the flood cost, as {@code /proc} counts it (0 without procfs). */
        private double systemShare() {
            long user = endTicks[0] - startTicks[0];
            long system = endTicks[1] - startTicks[1];
            return user + system == 0 ? 0 : Math.round(100.0 * system / (user + system)) / 100.0;
        }

        /** A racy read, only for the report of a run that timed out. */
        private int receivedSoFar() {
            return received;
        }
    }

    /** Every this many events, one delay is kept (a million events keep 15,625). */
    static final int DELAY_SAMPLE_EVERY = 64;

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
