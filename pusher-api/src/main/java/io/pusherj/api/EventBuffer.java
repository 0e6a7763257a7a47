package io.pusherj.api;

/**
 * How a {@link java.util.concurrent.Flow.Publisher} of this library holds what arrived before its subscriber
 * asked for it: at most {@code capacity} items, and what happens to the next one when that is full.
 *
 * <p>A Channels server cannot be slowed down, so a subscriber that requests less than the server sends
 * must lose something or stop: the caller chooses which. The buffer is never unbounded and never blocks the
 * client's strand.
 *
 * <pre>{@code
 * channel.events("price", EventBuffer.dropOldest(16));      // only the latest prices matter
 * channel.events("order", EventBuffer.errorOnOverflow(10_000)); // losing one is a bug: fail loudly
 * }</pre>
 *
 * @param capacity how many items the publisher holds for one subscriber, at least 1
 * @param overflow what happens to an item that arrives when {@code capacity} are held
 */
public record EventBuffer(int capacity, Overflow overflow) {
    /**
     * What publishers use when the caller does not say: 1,024 items, then
     * {@link Overflow#ERROR}, so nothing is lost without the subscriber hearing of it.
     */
    public static final EventBuffer DEFAULT = errorOnOverflow(1024);

    /** What a full buffer does with the next item. */
    public enum Overflow {
        /** Drops the oldest item held to make room: the subscriber sees the latest ones. */
        DROP_OLDEST,
        /** Drops the item that arrived: the subscriber sees the earliest ones. */
        DROP_NEWEST,
        /**
         * Discards what is held, stops listening and signals {@code onError} with an
         * {@link EventBufferOverflowException} at once.
         */
        ERROR
    }

    /**
     * Validates the components.
     *
     * @param capacity how many items the publisher holds for one subscriber, at least 1
     * @param overflow what happens to an item that arrives when {@code capacity} are held
     */
    public EventBuffer {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (overflow == null) {
            throw new NullPointerException("overflow");
        }
    }

    /**
     * Holds up to {@code capacity} items, then drops the oldest.
     *
     * @param capacity how many items to hold, at least 1
     * @return the buffer policy
     */
    public static EventBuffer dropOldest(int capacity) {
        return new EventBuffer(capacity, Overflow.DROP_OLDEST);
    }

    /**
     * Holds up to {@code capacity} items, then drops the ones that arrive.
     *
     * @param capacity how many items to hold, at least 1
     * @return the buffer policy
     */
    public static EventBuffer dropNewest(int capacity) {
        return new EventBuffer(capacity, Overflow.DROP_NEWEST);
    }

    /**
     * Holds up to {@code capacity} items, then fails the subscription with an
     * {@link EventBufferOverflowException}.
     *
     * @param capacity how many items to hold, at least 1
     * @return the buffer policy
     */
    public static EventBuffer errorOnOverflow(int capacity) {
        return new EventBuffer(capacity, Overflow.ERROR);
    }
}
