package io.pusherj.cli.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress as text on standard error: on a terminal one line redrawn in place, otherwise one line a second
 * (and while clients open, one for each tenth of them), so a log of the run stays short.
 */
public final class ProgressLines implements Progress {
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean terminal;

    /**
     * @param err where the lines go
     * @param terminal whether {@code err} is a terminal
     */
    public ProgressLines(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void opening(int opened, int clients, BenchBooks books) {
        // A line per tenth of the clients in a log, per hundredth on a terminal: redrawn per client, the line
        // cost the ramp more than opening the clients did.
        int step = Math.max(1, clients / (terminal ? 100 : 10));
        if (opened % step == 0 || opened == clients) {
            show(String.format(
                    Locale.ROOT,
                    "bench: opened %d/%d, connected %d",
                    opened,
                    clients,
                    books.connected().sum()));
        }
    }

    @Override
    public void second(BenchSeries.Second s, int clients) {
        show(String.format(
                Locale.ROOT,
                "bench: %.0f s, %d/%d connected, %d events/s received, p99 %.1f ms",
                s.atSeconds(),
                s.connected(),
                clients,
                s.eventsPerSecond(),
                s.p99Ms()));
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
