package io.pusherj.cli.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * What a run measured, as the one JSON document {@code --json} writes (its names are a contract: the CLI's
 * README lists them).
 *
 * @param json the document
 */
public record BenchResult(JsonObject json) {
    /** {@return whether the bench used nearly every core while publishing} */
    public boolean saturated() {
        return json.getBoolean("bench_saturated");
    }

    /** Collects a run's figures. */
    static final class Builder {
        private final BenchPlan plan;
        private long clientsSubscribed;
        private long published;
        private long expected;
        private long deliveryCpuNanos;
        private boolean stoppedEarly;
        private ProcessLoad.Measured publishing;
        private ProcessLoad.Measured wholeRun;
        private BenchBooks books;

        Builder(BenchPlan plan) {
            this.plan = plan;
        }

        Builder clientsSubscribed(long n) {
            clientsSubscribed = n;
            return this;
        }

        Builder published(long n) {
            published = n;
            return this;
        }

        Builder expected(long n) {
            expected = n;
            return this;
        }

        Builder stoppedEarly(boolean stopped) {
            stoppedEarly = stopped;
            return this;
        }

        /** The process's CPU from the first publish to the end of the drain: what the deliveries cost. */
        Builder deliveryCpuNanos(long nanos) {
            deliveryCpuNanos = nanos;
            return this;
        }

        Builder load(ProcessLoad.Measured whilePublishing) {
            publishing = whilePublishing;
            return this;
        }

        Builder wholeRun(ProcessLoad.Measured whole) {
            wholeRun = whole;
            return this;
        }

        Builder books(BenchBooks b) {
            books = b;
            return this;
        }

        private JsonArrayBuilder sourceAddresses() {
            JsonArrayBuilder addresses = Json.createArrayBuilder();
            plan.sourceAddresses().forEach(from -> addresses.add(from.getHostAddress()));
            return addresses;
        }

        BenchResult build() {
            ProcessLoad.Measured load = publishing != null ? publishing : wholeRun;
            long received = books.received().sum();
            JsonObjectBuilder errors = Json.createObjectBuilder();
            Map<String, Long> byCause = books.errors().snapshot();
            byCause.forEach(errors::add);
            JsonObject json = Json.createObjectBuilder()
                    .add("clients", plan.clients())
                    .add("clients_connected", books.connected().sum())
                    .add("clients_subscribed", clientsSubscribed)
                    .add("ramp", plan.rampPerSecond())
                    .add("channels", plan.channels())
                    .add("channel_kind", plan.kind().flagName())
                    .add("rate", plan.eventsPerSecond())
                    .add("payload_bytes", plan.payloadBytes())
                    .add("duration_s", plan.duration().toSeconds())
                    .add("stopped_early", stoppedEarly)
                    .add("source_addresses", sourceAddresses())
                    .add("publish_attempts", books.publishAttempts().sum())
                    .add("publish_requests", books.publishRequests().sum())
                    .add("published", published)
                    .add("expected", expected)
                    .add("received", received)
                    .add("reach", expected == 0 ? 0 : (double) received / expected)
                    .add("duplicates", books.duplicates().sum())
                    .add("out_of_order", books.outOfOrder().sum())
                    .add("latency_ms", percentiles(books.latency().total()))
                    .add("connect_ms", percentiles(books.connect().total()))
                    .add("subscribe_ms", percentiles(books.subscribe().total()))
                    .add("api_ms", percentiles(books.api().total()))
                    .add("reconnects", books.reconnects().sum())
                    .add("errors", errors)
                    .add("bench_cpu_percent", Math.round(load.cpuPercent() * 10) / 10.0)
                    .add(
                            "bench_cpu_us_per_event",
                            received == 0 ? 0 : Math.round(deliveryCpuNanos / (double) received / 10) / 100.0)
                    .add("bench_busiest_thread_percent", Math.round(load.busiestThreadPercent() * 10) / 10.0)
                    .add("bench_saturated", load.saturated())
                    .add("bench_heap_mb", Math.round(load.heapUsedBytes() / 1048576.0))
                    .add("bench_threads", load.threads())
                    .build();
            return new BenchResult(json);
        }

        private static JsonObjectBuilder percentiles(LatencyBook.Percentiles p) {
            return Json.createObjectBuilder()
                    .add("count", p.count())
                    .add("p50", p.p50())
                    .add("p90", p.p90())
                    .add("p99", p.p99())
                    .add("p999", p.p999())
                    .add("max", p.max());
        }
    }
}
