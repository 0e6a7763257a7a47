package io.pusherj.api;

/**
 * Signalled to a {@link java.util.concurrent.Flow.Subscriber} whose {@link EventBuffer} was full when
 * another item arrived, under {@link EventBuffer.Overflow#ERROR}: it requested too slowly for what the
 * server sent.
 */
public final class EventBufferOverflowException extends PusherException {
    private static final long serialVersionUID = 1L;

    /** The capacity of the buffer that overflowed (part of the serialized form). */
    private final int capacity;

    /**
     * Creates the exception.
     *
     * @param capacity the buffer's capacity, all of it held when the next item arrived
     */
    public EventBufferOverflowException(int capacity) {
        super("the subscriber fell behind: " + capacity
                + " items were waiting for its request when another arrived (EventBuffer overflow ERROR)");
        this.capacity = capacity;
    }

    /** {@return the capacity of the buffer that overflowed} */
    public int capacity() {
        return capacity;
    }
}
