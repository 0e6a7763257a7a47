package io.pusherj.conformance;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one run, in report order, and the waits on them: a script action may wait until the
 * client reported something ({@code when}), and the run waits for its end.
 */
final class Recorder {
    private final List<JsonObject> records = new ArrayList<>();
    private boolean ended;
    private String failure;

    /** Adds a record, unless the run has ended. */
    synchronized void add(JsonObject record) {
        if (!ended) {
            records.add(record);
            notifyAll();
        }
    }

    /** The run is over; later reports are not part of it. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The run failed (the client crashed or timed out). */
    synchronized void fail(String why) {
        if (!ended) {
            failure = why;
            ended = true;
            notifyAll();
        }
    }

    synchronized boolean hasEnded() {
        return ended;
    }

    /** Waits until {@code nth} records match {@code pattern}; false if the run ended or time ran out first. */
    synchronized boolean awaitMatch(JsonValue pattern, int nth, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.stream().filter(r -> JsonValues.matches(pattern, r)).count() < nth) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits for the client's first state change. */
    void awaitStarted(Duration timeout, String client) throws InterruptedException {
        if (!awaitMatch(JsonValues.JSON.createObjectBuilder().add("t", "state").build(), 1, timeout)) {
            throw new IllegalStateException(client + " did not start connecting within " + timeout + "; it reported: "
                    + records + (failure == null ? "" : "; " + failure));
        }
    }

    /** Waits for the end; returns the records. */
    synchronized List<JsonObject> awaitEnd(Duration timeout, String client) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(
                        client + " did not finish the script within " + timeout + "; it reported: " + records);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (failure != null) {
            throw new IllegalStateException(client + " failed: " + failure + "; it reported: " + records);
        }
        return List.copyOf(records);
    }
}
