package io.pusherj.bench;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Dispatch: a 40 B event frame from the socket to 1 or to 100 listeners bound on a subscribed
 * channel — decode, routing, the hop onto the client's strand and every listener call. A batch of
 * {@value #BATCH} frames per invocation, then a bounded wait until all were delivered; the score is per
 * frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {
    static final int BATCH = 1_000;
    static final Duration WAIT = Duration.ofSeconds(10);

    /** Listeners bound to the event. */
    @Param({"1", "100"})
    public int listeners;

    private final AtomicLong calls = new AtomicLong();
    private final String frame = SampleFrames.incoming("event_40B");
    private InjectingTransport transport;
    private Pusher pusher;

    /** A connected client subscribed to {@code news}, with the listeners bound. */
    @Setup(Level.Trial)
    public void connect() throws Exception {
        transport = new InjectingTransport();
        pusher = Pusher.create(
                "bench-key",
                PusherOptions.builder()
                        .addTransportProvider(transport)
                        .enabledTransports("ws")
                        .forceTLS(false)
                        .autoConnect(false)
                        .build());
        pusher.subscribe("news", ch -> {
            for (int i = 0; i < listeners; i++) {
                ch.bind("story", e -> calls.incrementAndGet());
            }
        });
        pusher.connect();
        transport.awaitOpenAndAccept(WAIT);
        transport.inject(SampleFrames.incoming("connection_established"));
        transport.awaitSent("pusher:subscribe", WAIT);
        transport.inject("{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"news\",\"data\":\"{}\"}");
    }

    /** Closes the client (and with the last one, the shared threads). */
    @TearDown(Level.Trial)
    public void close() {
        pusher.close();
    }

    /** {@value #BATCH} frames in, then waits until every listener saw every one. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long dispatch() {
        long target = calls.get() + (long) BATCH * listeners;
        for (int i = 0; i < BATCH; i++) {
            transport.inject(frame);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (calls.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("delivered " + calls.get() + " of " + target + " listener calls");
            }
            Thread.onSpinWait();
        }
        return target;
    }
}
