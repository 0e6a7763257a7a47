package io.pusherj.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A run second by second, for the live progress and the report's charts over time: clients connected,
 * events received in that second, and that second's delivery latencies. Written by the run's sampling
 * thread, read once the run is over.
 */
public final class BenchSeries {
    /** One second of a run. */
    public record Second(
            double atSeconds, long connected, long eventsPerSecond, double p50Ms, double p99Ms, double maxMs) {}

    private final List<Second> seconds = new ArrayList<>();

    synchronized void add(Second s) {
        seconds.add(s);
    }

    /** {@return the seconds so far, oldest first} */
    public synchronized List<Second> seconds() {
        return List.copyOf(seconds);
    }
}
