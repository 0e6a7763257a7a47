package io.pusherj.cli.bench;

import io.pusherj.server.RestClient;

/**
 * One publishing thread's timetable: its channels ({@code first}, {@code first + step}, …) take turns, at
 * their share of the run's rate, until {@code end}; each has its own publication numbers. Thread number
 * {@code first} starts {@code first} events' time after {@code start}, so the threads take turns too and
 * the run's events are spread over each second instead of leaving together. Not thread-safe: one thread
 * owns it.
 */
final class Schedule {
    /** The next event: its channel's number and its publication number there. */
    record Next(int channelIndex, long seq) {}

    private final int first;
    private final int step;
    private final long start;
    private final long end;
    private final long intervalNanos;
    private final long[] nextSeq;
    /** Events taken so far. */
    private long taken;

    Schedule(BenchPlan plan, int first, int step, long start, long end) {
        this.first = first;
        this.step = step;
        this.start = start + (long) (first * 1_000_000_000.0 / plan.eventsPerSecond());
        this.end = end;
        int mine = (plan.channels() - first + step - 1) / step;
        double perSecond = (double) plan.eventsPerSecond() * mine / plan.channels();
        this.intervalNanos = Math.max(1, (long) (1_000_000_000L / perSecond));
        this.nextSeq = new long[mine];
    }

    /** {@return whether the next event would be due at or after the end: nothing more to send} */
    boolean finished() {
        return nextDueNanos() >= end;
    }

    /** {@return when the next event is due, as {@link System#nanoTime()}} */
    long nextDueNanos() {
        return start + taken * intervalNanos;
    }

    /**
     * {@return how many events to send now: those due by {@code now} and before the end, at least one if the
     * next is, at most a batch's worth; 0 when the run is over}
     */
    int dueBy(long now) {
        if (now >= end || nextDueNanos() >= end) {
            return 0;
        }
        long dueTotal = Math.min((now - start) / intervalNanos, (end - 1 - start) / intervalNanos) + 1;
        return (int) Math.max(1, Math.min(RestClient.MAX_BATCH, dueTotal - taken));
    }

    /** {@return the next event, taking its publication number} */
    Next take() {
        int slot = (int) (taken++ % nextSeq.length);
        return new Next(first + slot * step, nextSeq[slot]++);
    }
}
