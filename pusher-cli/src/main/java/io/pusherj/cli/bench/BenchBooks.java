package io.pusherj.cli.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every client of a run records into, from its own strand: connect, subscribe and delivery
 * latencies, counts for the live progress, and errors by cause.
 *
 * @param connect from creating a client to its first {@code connected}
 * @param subscribe from {@code connected} to its subscription's success
 * @param latency from publishing an event to a client receiving it
 * @param api the HTTP API's answer time for each publish
 * @param connected clients connected at least once
 * @param connectedNow clients connected now
 * @param reconnects connections after a client's first
 * @param received publications received, each once per client (for the progress and the drain; the
 *                 result adds up the clients' receive orders)
 * @param publishAttempts events sent to the HTTP API, whatever their outcome
 * @param publishRequests HTTP API requests made (one event each, or a {@code batch_events} of several)
 * @param duplicates publications a client received again
 * @param outOfOrder publications a client received after a later one
 * @param frozen set when the drain ends: from then on the clients record nothing, so what their closing
 *     does (a late connect, a failed retry) stays out of the result
 * @param errors errors by cause
 */
public record BenchBooks(
        LatencyBook connect,
        LatencyBook subscribe,
        LatencyBook latency,
        LatencyBook api,
        LongAdder connected,
        LongAdder connectedNow,
        LongAdder reconnects,
        LongAdder received,
        LongAdder publishAttempts,
        LongAdder publishRequests,
        LongAdder duplicates,
        LongAdder outOfOrder,
        AtomicBoolean frozen,
        ErrorTally errors) {
    /** {@return empty books} */
    public static BenchBooks create() {
        return new BenchBooks(
                new LatencyBook(),
                new LatencyBook(),
                new LatencyBook(),
                new LatencyBook(),
                new LongAdder(),
                new LongAdder(),
                new LongAdder(),
                new LongAdder(),
                new LongAdder(),
                new LongAdder(),
                new LongAdder(),
                new LongAdder(),
                new AtomicBoolean(),
                new ErrorTally());
    }
}
