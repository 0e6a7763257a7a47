package io.pusherj.api.spi;

/** One connection attempt or open connection of a transport. Thread-safe. */
public interface TransportSocket {
    /**
     * Sends one text frame.
     *
     * @param frame the JSON text of one Pusher message
     * @return false if the socket is not open (the frame is dropped)
     */
    boolean send(String frame);

    /** Sends the transport's native ping; only called when {@link Transport#supportsPing()}. */
    default void ping() {}

    /**
     * Closes the socket or aborts the attempt, at once and without blocking. The listener may or may
     * not receive a final {@code onClose}; the client ignores it.
     */
    void close();
}
