package io.pusherj.cli.bench;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A run as one self-contained HTML page: its parameters, its result, latency and connections over time,
 * and the latency histogram, drawn as inline SVG. Nothing is loaded from the network.
 */
public final class BenchReport {
    private static final int HISTOGRAM_BARS = 40;

    private BenchReport() {}

    /**
     * {@return the page}
     *
     * @param server the server the run targeted, as given
     * @param result the run's result
     * @param series the run second by second
     * @param latencies every delivery latency, in microseconds
     */
    public static String html(String server, BenchResult result, BenchSeries series, Histogram latencies) {
        JsonObject r = result.json();
        List<BenchSeries.Second> seconds = series.seconds();
        List<Double> at = seconds.stream().map(BenchSeries.Second::atSeconds).toList();
        List<BenchSeries.Second> withEvents =
                seconds.stream().filter(s -> s.eventsPerSecond() > 0).toList();
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>pusherj bench: ")
                .append(escape(server))
                .append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;")
                .append("margin-bottom:16px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}")
                .append("th{background:#f3f3f3}.warn{color:#b00;font-weight:bold}</style></head><body>\n")
                .append("<h1>pusherj bench</h1>\n<p>Server: <code>")
                .append(escape(server))
                .append("</code></p>\n");
        if (result.saturated()) {
            page.append("<p class=\"warn\">The bench used ")
                    .append(r.get("bench_cpu_percent"))
                    .append("% of its machine's cores while publishing, its busiest thread ")
                    .append(r.get("bench_busiest_thread_percent"))
                    .append("% of one: these figures measure the bench as much as the server.</p>\n");
        }
        page.append("<h2>Parameters</h2>\n")
                .append(table(
                        r,
                        List.of(
                                "clients",
                                "ramp",
                                "channels",
                                "channel_kind",
                                "rate",
                                "payload_bytes",
                                "duration_s",
                                "source_addresses")));
        page.append("<h2>Result</h2>\n")
                .append(table(
                        r,
                        List.of(
                                "clients_connected",
                                "clients_subscribed",
                                "publish_attempts",
                                "publish_requests",
                                "published",
                                "expected",
                                "received",
                                "reach",
                                "duplicates",
                                "out_of_order",
                                "reconnects",
                                "bench_cpu_percent",
                                "bench_cpu_us_per_event",
                                "bench_busiest_thread_percent",
                                "bench_saturated",
                                "bench_heap_mb",
                                "bench_threads")));
        page.append(percentileTable(r)).append(errors(r.getJsonObject("errors")));
        page.append("<h2>Over time</h2>\n")
                .append(SvgChart.lines(
                        "Delivery latency, each second with events",
                        "seconds since start",
                        "ms",
                        withEvents.stream().map(BenchSeries.Second::atSeconds).toList(),
                        List.of(
                                new SvgChart.Line(
                                        "p50",
                                        "#1f77b4",
                                        withEvents.stream()
                                                .map(BenchSeries.Second::p50Ms)
                                                .toList()),
                                new SvgChart.Line(
                                        "p99",
                                        "#d62728",
                                        withEvents.stream()
                                                .map(BenchSeries.Second::p99Ms)
                                                .toList()))))
                .append(overTime("Clients connected", "clients", "connected", "#2ca02c", seconds, at, s ->
                        (double) s.connected()))
                .append(overTime("Events received per second", "events/s", "received", "#9467bd", seconds, at, s ->
                        (double) s.eventsPerSecond()));
        page.append("<h2>Latency histogram</h2>\n").append(histogram(latencies));
        return page.append("</body></html>\n").toString();
    }

    /** One figure of each second, as a line over the run. */
    private static String overTime(
            String title,
            String yLabel,
            String name,
            String color,
            List<BenchSeries.Second> seconds,
            List<Double> at,
            ToDoubleFunction<BenchSeries.Second> value) {
        return SvgChart.lines(
                title,
                "seconds since start",
                yLabel,
                at,
                List.of(new SvgChart.Line(
                        name, color, seconds.stream().map(value::applyAsDouble).toList())));
    }

    private static String histogram(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "<p>No events were received.</p>\n";
        }
        // Up to the 99.9th percentile, so that a few outliers do not squeeze every bar into one.
        long top = Math.max(1, h.getValueAtPercentile(99.9));
        double[] edges = new double[HISTOGRAM_BARS + 1];
        for (int i = 0; i <= HISTOGRAM_BARS; i++) {
            edges[i] = top * (double) i / HISTOGRAM_BARS / 1000.0;
        }
        // Each recorded value in exactly one bar (ranges asked of the histogram overlap at its own buckets).
        long[] counts = new long[HISTOGRAM_BARS];
        long above = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            long bar = v.getValueIteratedTo() * HISTOGRAM_BARS / (top + 1);
            if (v.getValueIteratedTo() <= top) {
                counts[(int) Math.min(HISTOGRAM_BARS - 1, bar)] += v.getCountAtValueIteratedTo();
            } else {
                above += v.getCountAtValueIteratedTo();
            }
        }
        return SvgChart.bars(
                        "Events by delivery latency (to the 99.9th percentile)",
                        "ms",
                        "events",
                        edges,
                        counts,
                        "#1f77b4")
                + "<p>" + above + " events above " + String.format(Locale.ROOT, "%.1f", top / 1000.0)
                + " ms are not drawn.</p>\n";
    }

    private static String table(JsonObject r, List<String> fields) {
        StringBuilder t = new StringBuilder("<table>\n");
        for (String f : fields) {
            JsonValue v = r.get(f);
            String shown = v instanceof JsonString str ? str.getString() : String.valueOf(v);
            t.append("<tr><th>")
                    .append(escape(f))
                    .append("</th><td>")
                    .append(escape(shown))
                    .append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String percentileTable(JsonObject r) {
        StringBuilder t = new StringBuilder("<table>\n<tr><th>ms</th>");
        List<String> columns = List.of("count", "p50", "p90", "p99", "p999", "max");
        columns.forEach(c -> t.append("<th>").append(c).append("</th>"));
        t.append("</tr>\n");
        for (String row : List.of("latency_ms", "connect_ms", "subscribe_ms", "api_ms")) {
            t.append("<tr><th>").append(row).append("</th>");
            for (String c : columns) {
                JsonValue v = r.getJsonObject(row).get(c);
                t.append("<td>")
                        .append(v instanceof JsonNumber n ? n.toString() : "")
                        .append("</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String errors(JsonObject errors) {
        if (errors.isEmpty()) {
            return "<p>No errors.</p>\n";
        }
        StringBuilder t = new StringBuilder("<h2>Errors</h2>\n<table>\n");
        for (Map.Entry<String, JsonValue> e : errors.entrySet()) {
            t.append("<tr><th>")
                    .append(escape(e.getKey()))
                    .append("</th><td>")
                    .append(e.getValue())
                    .append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    /** {@return {@code text} safe inside HTML and SVG} */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
