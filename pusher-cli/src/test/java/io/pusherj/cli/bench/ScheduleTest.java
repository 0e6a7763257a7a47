package io.pusherj.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.server.RestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A publishing thread's timetable: one event at a time on pace, batches when behind, nothing past the end. */
class ScheduleTest {
    static final long MS = 1_000_000;

    static BenchPlan plan(int channels, int rate) {
        return new BenchPlan(
                channels,
                100,
                channels,
                ChannelKind.PUBLIC,
                rate,
                64,
                Duration.ofSeconds(1),
                URI.create("http://127.0.0.1:1"),
                "app",
                "key",
                "secret",
                List.of());
    }

    @Test
    void onPaceOneEventIsDueAtATime() {
        Schedule s = new Schedule(plan(1, 10), 0, 1, 0, 1000 * MS);
        assertEquals(0, s.nextDueNanos());
        assertEquals(1, s.dueBy(0));
        assertEquals(new Schedule.Next(0, 0), s.take());
        assertEquals(100 * MS, s.nextDueNanos(), "10 a second");
        assertEquals(1, s.dueBy(100 * MS));
    }

    @Test
    void behindItSendsWhatCameDueAtOnceUpToABatch() {
        Schedule s = new Schedule(plan(1, 100), 0, 1, 0, 1000 * MS);
        s.take();
        assertEquals(5, s.dueBy(55 * MS), "events due at 10, 20, 30, 40 and 50 ms");
        assertEquals(RestClient.MAX_BATCH, s.dueBy(500 * MS), "never more than a batch");
    }

    @Test
    void nothingIsDueAtOrPastTheEndAndTheLastBatchStopsThere() {
        Schedule s = new Schedule(plan(1, 10), 0, 1, 0, 1000 * MS);
        assertEquals(10, s.dueBy(999 * MS), "the 10 events of the second, late but before its end");
        for (int i = 0; i < 10; i++) {
            s.take();
        }
        assertEquals(0, s.dueBy(999 * MS), "none after them");
        assertEquals(
                0,
                new Schedule(plan(1, 10), 0, 1, 0, 1000 * MS).dueBy(1000 * MS),
                "publishing stops at the end, even with events left: --duration bounds the run");
    }

    @Test
    void aThreadsChannelsTakeTurnsEachWithItsOwnNumbers() {
        // Channels 0 and 2 of 3 for the first of two threads, at 2/3 of 30 a second.
        Schedule s = new Schedule(plan(3, 30), 0, 2, 0, 1000 * MS);
        List<Schedule.Next> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(s.take());
        }
        assertEquals(
                List.of(
                        new Schedule.Next(0, 0),
                        new Schedule.Next(2, 0),
                        new Schedule.Next(0, 1),
                        new Schedule.Next(2, 1)),
                taken);
        assertEquals(4 * 50 * MS, s.nextDueNanos(), "20 a second between them");
    }

    @Test
    void threadsTakeTurnsSoTheRunsRateHoldsWhateverTheNumberOfThreads() {
        // 8 channels on 8 threads at 1 a second: one event a second in all, thread t at t seconds.
        List<Long> dueTimes = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Schedule s = new Schedule(plan(8, 1), t, 8, 0, 8000 * MS);
            assertEquals(false, s.finished());
            dueTimes.add(s.nextDueNanos());
            s.take();
            assertEquals(true, s.finished(), "its next would be 8 s later: at the end");
        }
        assertEquals(
                List.of(0L, 1000 * MS, 2000 * MS, 3000 * MS, 4000 * MS, 5000 * MS, 6000 * MS, 7000 * MS), dueTimes);
    }

    @Test
    void aThreadWhoseTurnComesAfterTheEndSendsNothing() {
        // 1 event a second for 1 second over 8 channels: thread 0 sends the one event, the others none.
        assertEquals(false, new Schedule(plan(8, 1), 0, 8, 0, 1000 * MS).finished());
        for (int t = 1; t < 8; t++) {
            Schedule s = new Schedule(plan(8, 1), t, 8, 0, 1000 * MS);
            assertEquals(true, s.finished(), "thread " + t);
            assertEquals(0, s.dueBy(999 * MS));
        }
    }
}
