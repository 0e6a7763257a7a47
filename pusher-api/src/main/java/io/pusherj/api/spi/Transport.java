package io.pusherj.api.spi;

/**
 * One strategy slot's transport for one client: opens sockets and declares how liveness is checked.
 * Closed by the client when the client is closed.
 */
public interface Transport extends AutoCloseable {
    /**
     * The largest message a transport should accept, in bytes (4 MiB; Pusher's own limit is 10 KiB per
     * event, self-hosted servers allow more). Past it, a transport should close the socket (a WebSocket
     * with 1009) rather than buffer on: the client then reconnects, and the message is never delivered.
     */
    int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    /** {@return the slot name, e.g. {@code ws}} */
    String name();

    /**
     * Priority in pusher-js's sense: once a transport connects, attempts with a lower priority are
     * abandoned. WebSocket is 3, HTTP and SockJS transports are 1.
     *
     * @return the priority; higher wins
     */
    int priority();

    /**
     * {@return true if the transport detects dead connections itself (SockJS), so the client runs no ping timer}
     */
    default boolean handlesActivityChecks() {
        return false;
    }

    /**
     * {@return true if {@link TransportSocket#ping()} sends a native ping instead of a {@code pusher:ping} frame}
     */
    default boolean supportsPing() {
        return false;
    }

    /**
     * Starts opening a socket; returns at once, never blocking on the network. The outcome is reported
     * to {@code listener}: {@code onOpen} then messages, or {@code onError}/{@code onClose}.
     *
     * @param request where to connect
     * @param listener receives the socket's events, serially
     * @return the socket, usable to {@link TransportSocket#close() abort} the attempt at once
     */
    TransportSocket open(TransportRequest request, TransportSocketListener listener);

    /** Releases what this transport holds for its client. Sockets still open are closed. */
    @Override
    void close();
}
