package io.pusherj.server.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A list that one thread appends to and another waits on, with a deadline and without polling. Plumbing
 * shared with {@code pusher-testkit}'s recorders, not API.
 *
 * @param <T> element type
 */
public final class RecordedList<T> {
    private final List<T> items = new ArrayList<>();

    /**
     * Appends and wakes the waiters.
     *
     * @param item the element
     */
    public synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    /** {@return a copy of what was recorded} */
    public synchronized List<T> snapshot() {
        return List.copyOf(items);
    }

    /**
     * Waits until at least {@code count} elements match {@code filter}; returns the matching elements.
     *
     * @param filter which elements count
     * @param count how many must match
     * @param timeout how long to wait
     * @param what what is waited for, for the failure message
     * @return the matching elements
     * @throws AssertionError on timeout, listing what was recorded
     */
    public synchronized List<T> await(Predicate<? super T> filter, int count, Duration timeout, String what) {
        if (!waitFor(filter, count, timeout)) {
            throw new AssertionError(
                    "timed out after " + timeout + " waiting for " + count + " x " + what + "; recorded: " + items);
        }
        return matching(filter);
    }

    /**
     * Waits until at least {@code count} elements match {@code filter}.
     *
     * @param filter which elements count
     * @param count how many must match
     * @param timeout how long to wait
     * @return false if that did not happen in time
     */
    public synchronized boolean waitFor(Predicate<? super T> filter, int count, Duration timeout) {
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
