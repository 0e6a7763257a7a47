package io.pusherj.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static JsonObject percentiles() {
        return Json.createObjectBuilder()
                .add("count", 1)
                .add("p50", 1)
                .add("p90", 1)
                .add("p99", 1)
                .add("p999", 1)
                .add("max", 1)
                .build();
    }

    private static BenchResult result() {
        return new BenchResult(Json.createObjectBuilder()
                .add("clients", 1)
                .add("channels", 1)
                .add("channel_kind", "presence")
                .add("rate", 1)
                .add("payload_bytes", 64)
                .add("duration_s", 1)
                .add("latency_ms", percentiles())
                .add("connect_ms", percentiles())
                .add("subscribe_ms", percentiles())
                .add("api_ms", percentiles())
                .add("errors", Json.createObjectBuilder().add("api:<503>", 2))
                .add("bench_cpu_percent", 95.0)
                .add("bench_saturated", true)
                .build());
    }

    @Test
    void everyEventIsInOneBarOrCountedAboveAndTextIsEscaped() {
        Histogram h = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        for (int ms = 1; ms <= 1000; ms++) {
            h.recordValue(ms * 1000L);
        }
        String html = BenchReport.html("ws://a<b>", result(), new BenchSeries(), h);
        assertTrue(html.contains("1 events above 999.4 ms are not drawn."), html);
        assertTrue(html.contains("<td>presence</td>"), "strings without their JSON quotes");
        assertTrue(html.contains("ws://a&lt;b&gt;"), "escaped");
        assertTrue(html.contains("api:&lt;503&gt;"), "error causes escaped");
        assertTrue(html.contains("class=\"warn\""), "a saturated bench is called out");
        assertFalse(html.contains("<script"));
    }

    @Test
    void withoutEventsThePageSaysSo() {
        String html = BenchReport.html("ws://x", result(), new BenchSeries(), new Histogram(3));
        assertTrue(html.contains("No events were received."), html);
    }

    @Test
    void axesEndOnRoundNumbersSoTheirFiveTicksAreRoundToo() {
        assertEquals(1, SvgChart.nice(0));
        assertEquals(1, SvgChart.nice(0.7), 1e-9);
        assertEquals(2, SvgChart.nice(1.3), 1e-9);
        assertEquals(25, SvgChart.nice(22), 1e-9);
        assertEquals(50, SvgChart.nice(43.25), 1e-9);
        assertEquals(100_000, SvgChart.nice(59_683), 1e-9);
        assertEquals(500, SvgChart.nice(500), 1e-9);
    }
}
