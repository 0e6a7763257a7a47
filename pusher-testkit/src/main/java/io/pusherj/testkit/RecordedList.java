package io.pusherj.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A list that one thread appends to and another waits on, with a deadline and without polling.
 *
 * @param <T> element type
 */
final class RecordedList<T> {
    private final List<T> items = new ArrayList<>();

    synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    synchronized List<T> snapshot() {
        return List.copyOf(items);
    }

    /**
     * Waits until at least {@code count} elements match {@code filter}; returns the matching elements.
     *
     * @throws AssertionError on timeout, listing what was recorded
     */
    synchronized List<T> await(Predicate<? super T> filter, int count, Duration timeout, String what) {
        if (!waitFor(filter, count, timeout)) {
            throw new AssertionError(
                    "timed out after " + timeout + " waiting for " + count + " x " + what + "; recorded: " + items);
        }
        return matching(filter);
    }

    /** Waits until at least {@code count} elements match {@code filter}; false if that did not happen in time. */
    synchronized boolean waitFor(Predicate<? super T> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(filter).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        return true;
    }

    private List<T> matching(Predicate<? super T> filter) {
        return items.stream().filter(filter).toList();
    }
}
