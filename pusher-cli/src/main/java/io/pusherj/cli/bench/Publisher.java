package io.pusherj.cli.bench;

import io.pusherj.server.RestClient;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the run's events through the server's HTTP API, signed, at the rate asked for, each stamped with
 * its channel's publication number and the time it was sent. A channel's events are published one after
 * another by one thread, so their numbers reach the server in order and out-of-order counts are the
 * server's; channels are shared out over up to {@value #MAX_THREADS} threads. When the API answers slower
 * than the rate, publishing falls behind and the result shows the rate reached.
 */
final class Publisher {
    /** Publishing threads at most: each waits for one HTTP answer at a time. */
    static final int MAX_THREADS = 8;

    private final BenchPlan plan;
    private final RestClient api;
    private final BenchBooks books;
    private final AtomicLongArray published;

    Publisher(BenchPlan plan, RestClient api, BenchBooks books) {
        this.plan = plan;
        this.api = api;
        this.books = books;
        this.published = new AtomicLongArray(plan.channels());
    }

    /** Publishes until {@code endNanos} ({@link System#nanoTime()}); returns when every thread stopped. */
    void run(long endNanos) throws InterruptedException {
        int threads = Math.min(MAX_THREADS, plan.channels());
        List<Thread> started = new ArrayList<>(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread thread = new Thread(() -> publish(first, threads, start, endNanos), "pusherj-bench-publisher-" + t);
            thread.setDaemon(true);
            started.add(thread);
            thread.start();
        }
        for (Thread t : started) {
            t.join();
        }
    }

    /** Channels {@code first}, {@code first + step}, …, round robin, at their share of the rate. */
    private void publish(int first, int step, long start, long endNanos) {
        int mine = (plan.channels() - first + step - 1) / step;
        double perSecond = (double) plan.eventsPerSecond() * mine / plan.channels();
        long intervalNanos = Math.max(1, (long) (1_000_000_000L / perSecond));
        long[] nextSeq = new long[mine];
        for (long k = 0; ; k++) {
            long due = start + k * intervalNanos;
            if (due >= endNanos) {
                return;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the publisher, not waiting for an event
            }
            if (System.nanoTime() >= endNanos) {
                return;
            }
            int slot = (int) (k % mine);
            int channelIndex = first + slot * step;
            // Every attempt takes the next number, whatever its outcome: a publish that failed but reached the
            // server anyway must not come back as a duplicate of the next one.
            long seq = nextSeq[slot]++;
            long sent = System.nanoTime();
            String data = BenchPayload.encode(seq, sent, plan.payloadBytes());
            books.publishAttempts().increment();
            try {
                RestClient.Result r = api.trigger(plan.kind().channelName(channelIndex), BenchClient.EVENT, data);
                books.api().recordNanos(System.nanoTime() - sent);
                if (r.isSuccess()) {
                    published.incrementAndGet(channelIndex);
                } else {
                    books.errors().count("api:" + r.status());
                }
            } catch (UncheckedIOException e) {
                books.errors().count(e.getCause() instanceof HttpTimeoutException ? "api:timeout" : "api:unreachable");
            } catch (RuntimeException e) {
                books.errors().count("api:" + e.getClass().getSimpleName());
                if (Thread.currentThread().isInterrupted()) {
                    return; // the run is being stopped
                }
            }
        }
    }

    /** {@return events published successfully on channel number {@code channelIndex}} */
    long published(int channelIndex) {
        return published.get(channelIndex);
    }
}
