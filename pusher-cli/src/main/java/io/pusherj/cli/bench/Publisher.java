package io.pusherj.cli.bench;

import io.pusherj.server.RestClient;
import java.io.UncheckedIOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Publishes the run's events through the server's HTTP API, signed, at the rate asked for, each stamped with
 * its channel's publication number and the time it was sent. A channel's events are published one after
 * another by one thread, so their numbers reach the server in order and out-of-order counts are the
 * server's; channels are shared out over up to {@value #MAX_THREADS} threads.
 *
 * <p>On pace, each event is one {@code events} request. When the API answers slower than the rate needs, a
 * thread sends the events that came due meanwhile together, up to {@value RestClient#MAX_BATCH} in one
 * {@code batch_events} request (in their order), so a server whose API costs per request keeps up; one that
 * costs per delivery falls behind all the same, and {@code published} shows the rate it reached.
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

    /**
     * Publishes until {@code endNanos} ({@link System#nanoTime()}); returns when every thread stopped, each
     * having told {@code load} its CPU time as it ended.
     */
    void run(long endNanos, ProcessLoad load, BooleanSupplier stopping) throws InterruptedException {
        int threads = Math.min(MAX_THREADS, plan.channels());
        List<Thread> started = new ArrayList<>(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Schedule schedule = new Schedule(plan, t, threads, start, endNanos);
            Thread thread = new Thread(
                    () -> {
                        try {
                            publish(schedule, stopping);
                        } finally {
                            load.threadEnding();
                        }
                    },
                    "pusherj-bench-publisher-" + t);
            thread.setDaemon(true);
            started.add(thread);
            thread.start();
        }
        for (Thread t : started) {
            t.join();
        }
    }

    private void publish(Schedule schedule, BooleanSupplier stopping) {
        while (true) {
            if (schedule.finished() || stopping.getAsBoolean()) {
                return; // not waiting for an event due after the run's end, or the run was stopped
            }
            long wait;
            while ((wait = schedule.nextDueNanos() - System.nanoTime()) > 0) {
                // Pacing the publisher, not waiting for an event; in slices, to see a stop soon.
                LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(BenchRun.STOP_CHECK_MILLIS)));
                if (Thread.currentThread().isInterrupted() || stopping.getAsBoolean()) {
                    return;
                }
            }
            int due = schedule.dueBy(System.nanoTime());
            if (due == 0) {
                return; // the run's end
            }
            long sent = System.nanoTime();
            List<RestClient.BatchEvent> events = new ArrayList<>(due);
            int[] channelIndexes = new int[due];
            for (int i = 0; i < due; i++) {
                // Every attempt takes the next number, whatever its outcome: a publish that failed but reached
                // the server anyway must not come back as a duplicate of the next one.
                Schedule.Next next = schedule.take();
                channelIndexes[i] = next.channelIndex();
                events.add(new RestClient.BatchEvent(
                        plan.kind().channelName(next.channelIndex()),
                        BenchClient.EVENT,
                        BenchPayload.encode(next.seq(), sent, plan.payloadBytes())));
            }
            books.publishAttempts().add(due);
            books.publishRequests().increment();
            if (!send(events, channelIndexes, sent)) {
                return; // the run is being stopped
            }
        }
    }

    /** One request; returns false when the thread was interrupted (the run is stopping). */
    private boolean send(List<RestClient.BatchEvent> events, int[] channelIndexes, long sent) {
        String cause;
        try {
            RestClient.BatchEvent only = events.get(0);
            RestClient.Result r = events.size() == 1
                    ? api.trigger(only.channel(), only.name(), only.data())
                    : api.triggerBatch(events);
            books.api().recordNanos(System.nanoTime() - sent);
            if (r.isSuccess()) {
                for (int channelIndex : channelIndexes) {
                    published.incrementAndGet(channelIndex);
                }
                return true;
            }
            cause = "api:" + r.status();
        } catch (UncheckedIOException e) {
            // A connect that timed out never reached the API: unreachable, like a refused one.
            cause = e.getCause() instanceof HttpTimeoutException
                            && !(e.getCause() instanceof HttpConnectTimeoutException)
                    ? "api:timeout"
                    : "api:unreachable";
        } catch (RuntimeException e) {
            cause = "api:" + e.getClass().getSimpleName();
        }
        for (int i = 0; i < events.size(); i++) {
            books.errors().count(cause); // one per event lost, as publish_attempts counts events
        }
        return !Thread.currentThread().isInterrupted();
    }

    /** {@return events published successfully on channel number {@code channelIndex}} */
    long published(int channelIndex) {
        return published.get(channelIndex);
    }
}
