package io.pusherj.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyBookTest {
    private final LatencyBook book = new LatencyBook();

    @Test
    void percentilesOfKnownLatenciesInMilliseconds() {
        for (int ms = 1; ms <= 1000; ms++) {
            book.recordNanos(TimeUnit.MILLISECONDS.toNanos(ms));
        }
        LatencyBook.Percentiles p = book.total();
        assertEquals(1000, p.count());
        assertEquals(500, p.p50(), 0.5, "three significant digits");
        assertEquals(900, p.p90(), 0.9);
        assertEquals(990, p.p99(), 1.0);
        assertEquals(999, p.p999(), 1.0);
        assertEquals(1000, p.max(), 1.0);
    }

    @Test
    void intervalsHoldWhatCameSinceTheLastLookAndAllOfThemMakeTheTotal() {
        book.recordNanos(2_000_000);
        assertEquals(1, book.interval().count());
        book.recordNanos(4_000_000);
        book.recordNanos(6_000_000);
        LatencyBook.Percentiles second = book.interval();
        assertEquals(2, second.count());
        assertEquals(6, second.max(), 0.01);
        assertEquals(0, book.interval().count());
        assertEquals(3, book.total().count());
    }

    @Test
    void negativeAndHugeLatenciesAreKeptWithinTheRange() {
        book.recordNanos(-5);
        book.recordNanos(TimeUnit.HOURS.toNanos(3));
        LatencyBook.Percentiles p = book.total();
        assertEquals(2, p.count());
        assertEquals(0, p.p50(), 0.001);
        assertEquals(TimeUnit.HOURS.toMillis(1), p.max(), TimeUnit.HOURS.toMillis(1) / 500.0);
    }

    @Test
    void manyThreadsRecordingAtOnceLoseNothing() throws Exception {
        int threads = 4;
        int each = 50_000;
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    book.recordNanos(1_000_000);
                }
                done.countDown();
            });
            started.add(thread);
            thread.start();
        }
        long seen = 0;
        while (!done.await(1, TimeUnit.MILLISECONDS)) {
            seen += book.interval().count(); // reading while they record, as the live progress does
        }
        seen += book.interval().count();
        for (Thread t : started) {
            t.join();
        }
        assertEquals((long) threads * each, seen);
        assertEquals((long) threads * each, book.total().count());
    }
}
