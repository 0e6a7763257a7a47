package io.pusherj.bench.load;

import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/** The harness's measures (the measures asked for); each run does one, for one library. */
enum Measure {
    /** Receiver CPU per event over a steady state, loss and order checked. */
    CPU(new EventRateRun()),
    /** Events per second one client takes from a feeder that writes as fast as the socket drains. */
    CEILING(new EventRateRun()),
    /** A flood at a fixed rate: how long each event takes from the feeder to the listener. */
    DELAY(new EventRateRun()),
    /** Heap after GC, RSS and threads per idle connected client. */
    IDLE(new IdleRun()),
    /** The same as idle, read for threads (run at 10,000 clients). */
    THREADS(new IdleRun()),
    /** First connect in a fresh JVM, opening many clients at once, warm connect latency. */
    OPEN(new OpenRun()),
    /** One event to every client on one channel: delivery latency and loss. */
    BROADCAST(new BroadcastRun()),
    /** WebSocket refused: time to connected over the HTTP fallback. */
    FALLBACK(new FallbackRun()),
    /** A server closing every new connection for 5 s (graceful shutdown), gone for 2 s, then back. */
    STORM(new StormRun()),
    /** Many clients, the server gone for 5 s then back: how spread the reconnects are, loss after. */
    HERD(new HerdRun());

    private final Run run;

    Measure(Run run) {
        this.run = run;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Runs the measure and returns its figures (the caller adds what identifies the run). */
    JsonObjectBuilder run(Library library, Target target, Settings settings) throws Exception {
        return run.run(library, target, settings);
    }

    /** One kind of run; some measures share one and differ only in their settings. */
    interface Run {
        JsonObjectBuilder run(Library library, Target target, Settings settings) throws Exception;
    }
}
