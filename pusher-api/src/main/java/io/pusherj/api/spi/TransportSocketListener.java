package io.pusherj.api.spi;

/**
 * Receives the events of one {@link TransportSocket}. A transport calls it serially (never two methods
 * at once for the same socket), from any thread, and must not hold a lock while calling: pusherj may do
 * the client's work on the calling thread, user listeners included, when the client is idle (it saves a
 * thread hand-off per frame), and returns after about a millisecond of it at most, handing the rest on.
 *
 * <p>Order: at most one {@link #onOpen()}, then any number of {@link #onMessage}/{@link #onActivity()},
 * then at most one {@link #onClose}. {@link #onError} may precede {@code onClose}.
 */
public interface TransportSocketListener {
    /** The socket is open; frames may be sent. */
    void onOpen();

    /**
     * One text frame arrived.
     *
     * @param frame the frame text, one Pusher message
     */
    void onMessage(String frame);

    /** Proof of life that is not a message (e.g. an HTTP heartbeat); resets the activity timer. */
    default void onActivity() {}

    /**
     * The transport failed; {@code onClose} usually follows.
     *
     * @param error what failed
     */
    void onError(Throwable error);

    /**
     * The socket closed.
     *
     * @param code the close code (WebSocket or Pusher 4xxx), or 1006 when the connection was lost
     * @param reason the close reason, possibly empty
     * @param wasClean whether the close handshake completed
     */
    void onClose(int code, String reason, boolean wasClean);
}
