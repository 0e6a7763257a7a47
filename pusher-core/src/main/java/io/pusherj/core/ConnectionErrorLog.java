package io.pusherj.core;

import io.pusherj.api.ConnectionError;
import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes a client's connection errors to the log so that one repeated a thousand times is not written a
 * thousand times (the listeners still get every error). Each distinct error is logged once; identical ones
 * within 10 s of its last line are counted, whatever else happens between (a server closing every
 * connection interleaves them with reconnects, racing transports interleave theirs). The first identical
 * error 10 s or more later logs how many were left out, or the error again if none were; so does a state
 * change 10 s or more after an error's last line, and when the client stops trying the counts still open
 * are logged. The CLI prints its errors by the same rule. Strand only.
 */
final class ConnectionErrorLog {
    private static final System.Logger LOG = System.getLogger(ConnectionImpl.class.getName());
    /** An error repeats silently for at most this long before a line says it goes on. */
    static final long REPEATS_EVERY_MILLIS = 10_000;
    /** Distinct errors tracked at once; the least recently seen is summed up and forgotten when a new one comes. */
    static final int MAX_TRACKED_ERRORS = 32;

    private final LongSupplier nowMillis;
    private final BooleanSupplier enabled;
    private final Consumer<String> sink;
    /** Distinct errors logged lately, by text, oldest first; null until the first error (idle clients). */
    private Map<String, Run> runs;

    /** One distinct error: when it was last logged, and how many identical ones were left out since. */
    private static final class Run {
        long loggedAtMillis;
        int leftOut;

        Run(long loggedAtMillis) {
            this.loggedAtMillis = loggedAtMillis;
        }
    }

    /** A log writing at DEBUG level, timed by the client's clock. */
    ConnectionErrorLog(LongSupplier nowMillis) {
        this(nowMillis, () -> LOG.isLoggable(Level.DEBUG), line -> LOG.log(Level.DEBUG, line));
    }

    /** A log writing its lines to {@code sink} while {@code enabled} (tests). */
    ConnectionErrorLog(LongSupplier nowMillis, BooleanSupplier enabled, Consumer<String> sink) {
        this.nowMillis = nowMillis;
        this.enabled = enabled;
        this.sink = sink;
    }

    /** Logs {@code error} unless it repeats one logged less than 10 s ago. */
    void log(ConnectionError error) {
        if (!enabled.getAsBoolean()) {
            return;
        }
        String text = error.type().pusherJsName()
                + error.code().stream().mapToObj(c -> " " + c).findFirst().orElse("")
                + " " + error.message()
                + error.transport().map(t -> " (" + t + ")").orElse("");
        long now = nowMillis.getAsLong();
        if (runs == null) {
            runs = new LinkedHashMap<>(16, 0.75f, true); // least recently seen first
        }
        Run run = runs.get(text);
        if (run == null) {
            sink.accept("connection error: " + text);
            track(text, new Run(now));
        } else if (now - run.loggedAtMillis < REPEATS_EVERY_MILLIS) {
            run.leftOut++;
        } else if (run.leftOut == 0) {
            sink.accept("connection error: " + text);
            run.loggedAtMillis = now;
        } else {
            run.leftOut++;
            logRepeats(text, run, now);
        }
    }

    /**
     * The state changed: errors whose repeats were left out for 10 s or more get their count logged now, so
     * an outage that ended is summed up soon after, not at the next identical error.
     */
    void stateChanged() {
        if (runs == null) {
            return;
        }
        long now = nowMillis.getAsLong();
        for (var it = runs.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Run run = entry.getValue();
            if (now - run.loggedAtMillis >= REPEATS_EVERY_MILLIS) {
                if (run.leftOut > 0) {
                    logRepeats(entry.getKey(), run, now);
                }
                it.remove(); // quiet for 10 s: the next identical error is logged plainly anyway
            }
        }
    }

    /** The client stopped trying (disconnected or failed): the counts still open are logged and forgotten. */
    void flush() {
        if (runs == null) {
            return;
        }
        long now = nowMillis.getAsLong();
        runs.forEach((text, run) -> {
            if (run.leftOut > 0) {
                logRepeats(text, run, now);
            }
        });
        runs = null;
    }

    private void track(String text, Run run) {
        if (runs.size() >= MAX_TRACKED_ERRORS) {
            Iterator<Map.Entry<String, Run>> eldest = runs.entrySet().iterator();
            Map.Entry<String, Run> forgotten = eldest.next();
            eldest.remove();
            if (forgotten.getValue().leftOut > 0) {
                logRepeats(forgotten.getKey(), forgotten.getValue(), nowMillis.getAsLong());
            }
        }
        runs.put(text, run);
    }

    private void logRepeats(String text, Run run, long now) {
        sink.accept("connection error repeated " + run.leftOut + " times since it was last logged: " + text);
        run.leftOut = 0;
        run.loggedAtMillis = now;
    }
}
