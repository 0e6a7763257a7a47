package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summary lines from run lines: for each step and each figure that matters for its measure, every
 * library's median over its runs and pusherj's ratio to the floor and to the official client. Used by
 * {@code compare} as it goes and by {@code summarize} on saved output.
 */
final class Summaries {
    private Summaries() {}

    /** The figures summarized for a measure. */
    static List<String> metrics(String measure) {
        return switch (measure) {
            case "cpu" -> List.of("cpu_ns_per_event", "events_per_s", "events_per_s_after_first", "cpu_system_share");
            case "ceiling" -> List.of("events_per_s", "events_per_s_after_first", "first_event_ms");
            case "delay" -> List.of("delay_ms_p50", "delay_ms_p99", "cpu_ns_per_event");
            case "idle" ->
                List.of(
                        "heap_bytes_per_client",
                        "native_rss_bytes_per_client",
                        "rss_bytes_per_client",
                        "library_threads");
            case "threads" -> List.of("library_threads", "library_threads_just_opened", "heap_bytes_per_client");
            case "open" -> List.of("open_all_ms", "warm_connect_median_ms", "first_connect_ms");
            case "broadcast" -> List.of("latency_p50_ms", "latency_p99_ms", "lost");
            case "fallback" -> List.of("tls_first_ms", "tls_median_ms", "plain_median_ms");
            case "memory" ->
                List.of(
                        "process_rss_bytes_per_client",
                        "nmt_committed_bytes_per_client",
                        "nmt_outside_heap_bytes_per_client",
                        "heap_bytes_per_client");
            case "startup" -> List.of("spawn_to_connected_ms", "in_jvm_connect_ms", "classes_loaded", "lambda_classes");
            default -> List.of();
        };
    }

    /**
     * The summary lines of one step.
     *
     * @param runs the step's run lines, by library, in the order run
     */
    static List<JsonObject> of(String measure, String step, Map<String, List<JsonObject>> runs, String command) {
        List<JsonObject> lines = new ArrayList<>();
        for (String metric : metrics(measure)) {
            lines.add(summary(measure, step, metric, runs, command));
        }
        return lines;
    }

    private static JsonObject summary(
            String measure, String step, String metric, Map<String, List<JsonObject>> runs, String command) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("summary", measure)
                .add("step", step)
                .add("metric", metric);
        Map<String, Double> medians = new LinkedHashMap<>();
        runs.forEach((library, lines) -> {
            double[] values = lines.stream()
                    .filter(l -> l.get(metric) instanceof JsonNumber)
                    .mapToDouble(l -> l.getJsonNumber(metric).doubleValue())
                    .toArray();
            if (values.length > 0) {
                double median = new Percentiles(values).median();
                medians.put(library, median);
                b.add(library, median).add(library + "_runs", values.length);
            }
        });
        Double pusherj = medians.get("pusherj");
        if (pusherj != null) {
            for (String other : List.of("floor", "official")) {
                Double o = medians.get(other);
                if (o != null && o != 0) {
                    b.add("pusherj_vs_" + other, Math.round(pusherj / o * 100) / 100.0);
                }
            }
        }
        return b.add("command", command).build();
    }
}
