package io.pusherj.cli.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded from many threads at once (every client's strand) and read as percentiles: the
 * delivery latency of events, or the time clients took to connect. HdrHistogram's {@link Recorder} takes
 * values without locks and hands out what came since the last look, which feeds both the live progress and
 * the report's latency over time; the run's total is the sum of those intervals. Values are kept in
 * microseconds with three significant digits, up to an hour: longer ones count as an hour.
 */
public final class LatencyBook {
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    /** Percentiles of some latencies, in milliseconds. */
    public record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {}

    /** Records one latency (any thread); a negative one, from clocks that disagree, counts as zero. */
    public void recordNanos(long nanos) {
        recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000)));
    }

    /** {@return the latencies recorded since the last call (or the start), which join the total} */
    public synchronized Percentiles interval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return percentiles(interval);
    }

    /** {@return every latency recorded so far} */
    public synchronized Percentiles total() {
        interval();
        return percentiles(total);
    }

    /** {@return a copy of every latency recorded so far, in microseconds (for the report's charts)} */
    public synchronized Histogram totalHistogram() {
        interval();
        return total.copy();
    }

    private static Percentiles percentiles(Histogram h) {
        return new Percentiles(
                h.getTotalCount(),
                millis(h.getValueAtPercentile(50)),
                millis(h.getValueAtPercentile(90)),
                millis(h.getValueAtPercentile(99)),
                millis(h.getValueAtPercentile(99.9)),
                millis(h.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }
}
