package io.pusherj.cli.bench;

import io.pusherj.api.PusherOptions;
import io.pusherj.server.RestClient;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    /** After publishing, how long the run waits for more events once none arrive. */
    static final long DRAIN_IDLE_SECONDS = 2;
    /** After publishing, how long the run waits for the last events at most. */
    static final long DRAIN_MAX_SECONDS = 30;
    /** How often a wait looks whether the run was asked to stop. */
    static final long STOP_CHECK_MILLIS = 100;
    /** Where {@link #preflight()} publishes: no bench client joins it. */
    public static final String PREFLIGHT_CHANNEL = "pusherj-bench-preflight";
    /** Clients closed at once at the end. */
    static final int CLOSE_THREADS = 16;
    /** How long closing every client may take. */
    static final long CLOSE_SECONDS = 60;

    private final BenchPlan plan;
    /** The clients' options by source address, or the one set when the plan names none. */
    private final List<PusherOptions> optionsBySource;

    private final Progress progress;
    private final BenchBooks books = BenchBooks.create();
    private final BenchSeries series = new BenchSeries();
    private volatile boolean stopping;
    /**
     * Made with the run, before the clients: its HTTP client needs a file descriptor (a selector), which a run
     * with more clients than the limit allows would leave none of.
     */
    private final RestClient api;

    /**
     * @param plan what to do
     * @param options the clients' options (autoConnect off; one runtime for all of them)
     * @param progress where the live progress goes
     */
    public BenchRun(BenchPlan plan, PusherOptions options, Progress progress) {
        this.plan = plan;
        this.optionsBySource = plan.sourceAddresses().isEmpty()
                ? List.of(options)
                : plan.sourceAddresses().stream()
                        .map(from -> options.toBuilder().localAddress(from).build())
                        .toList();
        this.progress = progress;
        this.api = new RestClient(plan.api(), plan.appId(), plan.key(), plan.secret());
    }

    /**
     * Publishes one event on {@value #PREFLIGHT_CHANNEL}, a channel no bench client joins, before any client
     * opens: a wrong key or secret, or an API that is not where the flags say, is then a message at once, not
     * a run of thousands of clients that publishes nothing.
     *
     * @return what is wrong, if the API refused the event or could not be reached
     */
    public Optional<String> preflight() {
        try {
            RestClient.Result r = api.trigger(PREFLIGHT_CHANNEL, BenchClient.EVENT, "preflight");
            return r.isSuccess()
                    ? Optional.empty()
                    : Optional.of("the HTTP API at " + plan.api() + " answered " + r.status() + " " + r.body()
                            + " to a signed publish: check --app-id, --key and --secret, or --api-host and --api-port");
        } catch (UncheckedIOException e) {
            return Optional.of("the HTTP API at " + plan.api() + " cannot be reached: " + e.getMessage()
                    + " (set --api-host and --api-port when it is not where the WebSocket is)");
        }
    }

    /**
     * Asks a running bench to stop early (Ctrl-C): it opens no more clients, stops waiting for subscriptions
     * and stops publishing, then drains, closes and returns its result as usual. Any thread.
     */
    public void stop() {
        stopping = true;
    }

    /** Runs the bench; returns its result. */
    public BenchResult run() throws InterruptedException {
        ProcessLoad load = ProcessLoad.start();
        List<BenchClient> clients = new ArrayList<>(plan.clients());
        BenchResult.Builder result = new BenchResult.Builder(plan);
        Thread sampler = startSampler(System.nanoTime());
        Set<BenchClient> closed;
        try {
            open(clients);
            Map<String, Long> subscribers = awaitSubscribed(clients);
            long subscribed =
                    subscribers.values().stream().mapToLong(Long::longValue).sum();
            result.clientsSubscribed(subscribed);
            if (subscribed > 0) { // else there is nobody to publish to: the command says so
                Publisher publisher = new Publisher(plan, api, books);
                ProcessLoad publishing = ProcessLoad.start();
                publisher.run(System.nanoTime() + plan.duration().toNanos(), publishing, () -> stopping);
                result.load(publishing.since()); // the publishing alone: a long drain would dilute it
                long expected = 0;
                long published = 0;
                for (int ch = 0; ch < plan.channels(); ch++) {
                    long n = publisher.published(ch);
                    published += n;
                    expected += n * subscribers.getOrDefault(plan.kind().channelName(ch), 0L);
                }
                awaitDelivered(expected);
                result.published(published).expected(expected).deliveryCpuNanos(publishing.cpuNanosSinceStart());
            }
        } finally {
            books.frozen().set(true); // what closing does is not part of the result
            sampler.interrupt();
            sampler.join();
            closed = closeAll(clients);
        }
        for (BenchClient c : clients) {
            if (!closed.contains(c)) {
                books.errors().count("close:timeout");
            }
        }
        return result.books(books).wholeRun(load.since()).stoppedEarly(stopping).build();
    }

    /**
     * Closes the clients, {@value #CLOSE_THREADS} at a time, within {@value #CLOSE_SECONDS} s in all (one
     * close can wait 5 s for a server that does not answer); {@return the ones that closed}
     */
    private static Set<BenchClient> closeAll(List<BenchClient> clients) throws InterruptedException {
        Set<BenchClient> closed = ConcurrentHashMap.newKeySet();
        ExecutorService closing = Executors.newFixedThreadPool(CLOSE_THREADS, r -> {
            Thread t = new Thread(r, "pusherj-bench-close");
            t.setDaemon(true);
            return t;
        });
        for (BenchClient c : clients) {
            closing.execute(() -> {
                c.close();
                closed.add(c);
            });
        }
        closing.shutdown();
        if (!closing.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS)) {
            closing.shutdownNow();
        }
        return closed;
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
                                books.connectedNow().sum(),
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
        for (int i = 0; i < plan.clients() && !stopping; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the ramp (at most a second: --ramp is at least 1)
            }
            PusherOptions options = optionsBySource.get(i % optionsBySource.size());
            clients.add(BenchClient.open(plan.key(), options, plan.channelOf(i), books));
            progress.opening(i + 1, plan.clients(), books);
        }
    }

    /** Waits for the subscriptions (bounded); returns the subscribed clients by channel. */
    private Map<String, Long> awaitSubscribed(List<BenchClient> clients) throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(
                clients.stream().map(BenchClient::subscribed).toArray(CompletableFuture[]::new));
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(SUBSCRIBE_GRACE_SECONDS);
        while (!all.isDone() && !stopping && System.nanoTime() < giveUpAt) {
            try {
                all.get(STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Not all yet, or one was refused: wait on for the others, within the grace. Those that never
                // subscribe are left out of what is expected, and their errors say why.
            }
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

    /**
     * Waits until {@code expected} publications arrived, while they still arrive: until none came for
     * {@value #DRAIN_IDLE_SECONDS} s, {@value #DRAIN_MAX_SECONDS} s at most.
     */
    private void awaitDelivered(long expected) {
        long start = System.nanoTime();
        long lastProgress = start;
        long last = books.received().sum();
        while (last < expected
                && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(DRAIN_MAX_SECONDS)
                && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(DRAIN_IDLE_SECONDS)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // the clients' strands deliver meanwhile
            long now = books.received().sum();
            if (now > last) {
                last = now;
                lastProgress = System.nanoTime();
            }
        }
    }
}
