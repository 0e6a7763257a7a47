package io.pusherj.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The client end of a {@link ServerConnection}, whatever carries it: a WebSocket, or an HTTP fallback
 * session (streaming or polling).
 */
interface Peer {
    /** Sends one Pusher message. */
    void send(String frame);

    /**
     * Sends one Pusher message and runs {@code done} once it was written or failed, so a sender can bound
     * what it has in flight. Peers that write synchronously run it at once.
     */
    default void send(String frame, Runnable done) {
        try {
            send(frame);
        } finally {
            done.run();
        }
    }

    /** Sends a binary message (WebSocket only: the other transports carry text alone). */
    default void sendBinary(byte[] payload) {
        throw new IllegalStateException("this transport carries text only");
    }

    /** Sends the transport's heartbeat ({@code h} on an HTTP fallback session). */
    default void heartbeat() {
        throw new IllegalStateException("this transport has no heartbeat frame; send pusher:ping instead");
    }

    /**
     * Closes with a Pusher or WebSocket close code.
     *
     * @param code the close code
     * @param reason the close reason
     */
    void close(int code, String reason);

    /** Drops the connection without a close (the client sees 1006). */
    void drop();

    /** {@return whether the connection is open} */
    boolean isOpen();

    /** {@return whether the client connected over TLS} */
    boolean isSecure();

    /** {@return the IP address the client connected from} */
    String remoteAddress();

    /** {@return the IP address of a socket address, or its host name if it was never resolved} */
    static String hostOf(SocketAddress address) {
        if (address instanceof InetSocketAddress from) {
            return from.getAddress() != null ? from.getAddress().getHostAddress() : from.getHostString();
        }
        return String.valueOf(address);
    }
}
