package io.pusherj.cli.bench;

import io.pusherj.api.PusherOptions;
import io.pusherj.server.RestClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * One bench run: opens the clients at the ramp's pace, waits until they are subscribed, publishes for the
 * duration, waits for the last events, closes everything and returns what it measured. Every phase is
 * bounded in time.
 */
public final class BenchRun {
    /** How long after the ramp's end the last subscriptions may take. */
    static final long SUBSCRIBE_GRACE_SECONDS = 30;
    /** How long after publishing ends the last events may take to arrive. */
    static final long DRAIN_SECONDS = 5;

    private final BenchPlan plan;
    private final PusherOptions options;
    private final Progress progress;
    private final BenchBooks books = BenchBooks.create();
    private final BenchSeries series = new BenchSeries();

    /**
     * @param plan what to do
     * @param options the clients' options (autoConnect off; one runtime for all of them)
     * @param progress where the live progress goes
     */
    public BenchRun(BenchPlan plan, PusherOptions options, Progress progress) {
        this.plan = plan;
        this.options = options;
        this.progress = progress;
    }

    /** Runs the bench; returns its result. */
    public BenchResult run() throws InterruptedException {
        ProcessLoad load = ProcessLoad.start();
        List<BenchClient> clients = new ArrayList<>(plan.clients());
        BenchResult.Builder result = new BenchResult.Builder(plan);
        Thread sampler = startSampler(System.nanoTime());
        try {
            open(clients);
            Map<String, Long> subscribers = awaitSubscribed(clients);
            result.clientsSubscribed(
                    subscribers.values().stream().mapToLong(Long::longValue).sum());
            ProcessLoad publishing = ProcessLoad.start();
            Publisher publisher =
                    new Publisher(plan, new RestClient(plan.api(), plan.appId(), plan.key(), plan.secret()), books);
            publisher.run(System.nanoTime() + plan.duration().toNanos());
            long expected = 0;
            long published = 0;
            for (int ch = 0; ch < plan.channels(); ch++) {
                long n = publisher.published(ch);
                published += n;
                expected += n * subscribers.getOrDefault(plan.kind().channelName(ch), 0L);
            }
            awaitDelivered(expected);
            result.published(published).expected(expected).load(publishing.since());
        } finally {
            sampler.interrupt();
            sampler.join();
            clients.forEach(BenchClient::close);
        }
        for (BenchClient c : clients) {
            result.add(c.order());
        }
        return result.books(books).wholeRun(load.since()).build();
    }

    /** {@return every delivery latency so far, in microseconds (for the report)} */
    public Histogram latencies() {
        return books.latency().totalHistogram();
    }

    /** {@return the run second by second; complete once {@link #run()} returned} */
    public BenchSeries series() {
        return series;
    }

    /** Samples the run once a second, for the progress and the series, until interrupted. */
    private Thread startSampler(long runStart) {
        Thread t = new Thread(
                () -> {
                    long lastReceived = 0;
                    long last = runStart;
                    while (true) {
                        try {
                            TimeUnit.SECONDS.sleep(1); // the sampling period
                        } catch (InterruptedException e) {
                            return;
                        }
                        long now = System.nanoTime();
                        long received = books.received().sum();
                        LatencyBook.Percentiles p = books.latency().interval();
                        BenchSeries.Second s = new BenchSeries.Second(
                                (now - runStart) / 1e9,
                                books.connected().sum(),
                                Math.round((received - lastReceived) * 1e9 / (now - last)),
                                p.p50(),
                                p.p99(),
                                p.max());
                        series.add(s);
                        progress.second(s, plan.clients());
                        lastReceived = received;
                        last = now;
                    }
                },
                "pusherj-bench-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Opens every client at the ramp's pace. */
    private void open(List<BenchClient> clients) {
        long start = System.nanoTime();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / plan.rampPerSecond();
        for (int i = 0; i < plan.clients(); i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the ramp
            }
            clients.add(BenchClient.open(plan.key(), options, plan.channelOf(i), books));
            progress.opening(i + 1, plan.clients(), books);
        }
    }

    /** Waits for the subscriptions (bounded); returns the subscribed clients by channel. */
    private Map<String, Long> awaitSubscribed(List<BenchClient> clients) throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(
                clients.stream().map(BenchClient::subscribed).toArray(CompletableFuture[]::new));
        try {
            all.get(SUBSCRIBE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Some never subscribed: they are left out of what is expected, and their errors say why.
        }
        Map<String, Long> byChannel = new HashMap<>();
        for (BenchClient c : clients) {
            if (c.subscribed().isDone() && !c.subscribed().isCompletedExceptionally()) {
                c.count();
                byChannel.merge(c.channel(), 1L, Long::sum);
            }
        }
        return byChannel;
    }

    /** Waits until {@code expected} events arrived, or {@value #DRAIN_SECONDS} s. */
    private void awaitDelivered(long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (books.received().sum() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // the clients' strands deliver meanwhile
        }
    }
}
