package io.pusherj.cli;

import io.pusherj.api.Connection;
import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live one-line status on stderr (state, transport, events received), only when the CLI runs on a
 * terminal, so piped output stays clean. On a terminal stdout and stderr share the screen: every JSON line
 * is printed {@linkplain #printAbove above} the status line (cleared first, drawn again after), so the two
 * never run into each other.
 */
final class StatusLine {
    private static final String CLEAR_LINE = "\r\033[K";
    private final PrintWriter err;
    private final boolean enabled;
    private final AtomicLong events = new AtomicLong();
    private String text = "";

    StatusLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Enabled when the CLI runs on a terminal (stdin and stdout). */
    static StatusLine forTerminal(PrintWriter err) {
        return new StatusLine(err, onTerminal());
    }

    /**
     * Up to Java 21 {@code System.console()} is null unless stdin and stdout are terminals; from 22 it
     * always exists and {@code Console.isTerminal()} (absent on 17, hence reflection) tells.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** An application event arrived (not a protocol event such as {@code pusher:subscription_succeeded}). */
    void eventReceived(Connection c) {
        events.incrementAndGet();
        update(c);
    }

    synchronized void update(Connection c) {
        text = c.state().wireName() + " · transport " + c.transport().orElse("-") + " · events " + events.get();
        draw();
    }

    /** Runs {@code printLine} (which prints one line to stdout) with the status line out of its way. */
    synchronized void printAbove(Runnable printLine) {
        if (enabled && !text.isEmpty()) {
            err.print(CLEAR_LINE);
            err.flush();
        }
        printLine.run();
        draw();
    }

    private void draw() {
        if (enabled && !text.isEmpty()) {
            err.print(CLEAR_LINE + text);
            err.flush();
        }
    }

    synchronized void finish() {
        if (enabled && !text.isEmpty()) {
            err.println();
            err.flush();
        }
    }
}
