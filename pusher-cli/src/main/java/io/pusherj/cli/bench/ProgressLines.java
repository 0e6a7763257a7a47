package io.pusherj.cli.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Progress as text on standard error: on a terminal one line redrawn in place, otherwise one line a second
 * (and while clients open, one for each tenth of them), so a log of the run stays short.
 */
public final class ProgressLines implements Progress {
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean terminal;
    private final int clients;

    /**
     * @param err where the lines go
     * @param terminal whether {@code err} is a terminal
     * @param clients the clients the run opens
     */
    public ProgressLines(PrintWriter err, boolean terminal, int clients) {
        this.err = err;
        this.terminal = terminal;
        this.clients = clients;
    }

    @Override
    public void opening(int opened, BenchBooks books) {
        int tenth = Math.max(1, clients / 10);
        if (terminal || opened % tenth == 0 || opened == clients) {
            show(String.format(
                    Locale.ROOT,
                    "bench: opened %d/%d, connected %d",
                    opened,
                    clients,
                    books.connected().sum()));
        }
    }

    @Override
    public Thread start(int opened, BenchBooks books) {
        Thread t = new Thread(
                () -> {
                    long lastReceived = books.received().sum();
                    long last = System.nanoTime();
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            TimeUnit.SECONDS.sleep(1); // the progress line's period, not a wait for an event
                        } catch (InterruptedException e) {
                            return;
                        }
                        long now = System.nanoTime();
                        long received = books.received().sum();
                        double perSecond = (received - lastReceived) * 1e9 / (now - last);
                        LatencyBook.Percentiles p = books.latency().interval();
                        show(String.format(
                                Locale.ROOT,
                                "bench: %d/%d connected, %.0f events/s received, p99 %.1f ms",
                                books.connected().sum(),
                                opened,
                                perSecond,
                                p.p99()));
                        lastReceived = received;
                        last = now;
                    }
                },
                "pusherj-bench-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private synchronized void show(String text) {
        if (terminal) {
            err.print(CLEAR_LINE + text);
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** Ends the redrawn line, on a terminal. */
    public synchronized void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
