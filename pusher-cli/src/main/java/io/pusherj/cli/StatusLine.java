package io.pusherj.cli;

import io.pusherj.api.Connection;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live one-line status on stderr (state, transport, events received), only when stderr is a terminal,
 * so piped output stays clean.
 */
final class StatusLine {
    private final PrintWriter err;
    private final boolean enabled;
    private final AtomicLong events = new AtomicLong();

    StatusLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Enabled when the JVM has a console (both stdin and stdout are terminals). */
    static StatusLine forTerminal(PrintWriter err) {
        return new StatusLine(err, System.console() != null);
    }

    void eventReceived(Connection c) {
        events.incrementAndGet();
        update(c);
    }

    void update(Connection c) {
        if (enabled) {
            synchronized (err) {
                err.print("\r\033[K" + c.state().wireName() + " · transport " + c.transport().orElse("-")
                        + " · events " + events.get());
                err.flush();
            }
        }
    }

    void finish() {
        if (enabled) {
            err.println();
        }
    }
}
