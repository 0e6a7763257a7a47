package io.pusherj.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.PusherOptions;
import io.pusherj.micrometer.PusherMetrics;
import java.time.Duration;
import java.util.concurrent.Flow;
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
 *
 * <p>{@code via} says how the events are received: {@code listener} (plain bindings), {@code micrometer}
 * (the same with pusher-micrometer's meters bound to a registry: what metrics add per event) and
 * {@code flow} (one {@code channel.events("story")} subscriber per listener, requesting everything:
 * what the Flow publisher adds).
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

    /** How the events are received. */
    @Param({"listener", "micrometer", "flow"})
    public String via;

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
        if (via.equals("micrometer")) {
            new PusherMetrics(pusher).bindTo(new SimpleMeterRegistry());
        }
        pusher.subscribe("news", ch -> {
            for (int i = 0; i < listeners; i++) {
                if (via.equals("flow")) {
                    ch.events("story").subscribe(new CountingSubscriber(calls));
                } else {
                    ch.bind("story", e -> calls.incrementAndGet());
                }
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

    /** A Flow subscriber that wants everything and counts it, as the listeners do. */
    record CountingSubscriber(AtomicLong calls) implements Flow.Subscriber<PusherEvent> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(PusherEvent item) {
            calls.incrementAndGet();
        }

        @Override
        public void onError(Throwable failure) {
            throw new IllegalStateException("the benchmark's stream failed", failure);
        }

        @Override
        public void onComplete() {}
    }
}
