package io.pusherj.core.connection;

/**
 * The client held more received frame text than {@code maxQueuedInboundChars} allows: its listeners are
 * slower than the events arrive, so it stopped reading and dropped the connection.
 */
final class InboundOverflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InboundOverflowException(long limitChars) {
        super("listeners fell behind: more than " + limitChars + " chars of received frames were waiting"
                + " (maxQueuedInboundChars), so the connection was dropped after the last frame read;"
                + " every frame read is still delivered. Make listeners faster or hand slow work to your own executor");
    }
}
