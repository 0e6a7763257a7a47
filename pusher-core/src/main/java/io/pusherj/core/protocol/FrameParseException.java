package io.pusherj.core.protocol;

/** A text frame that is not a Pusher message: not JSON, not an object, or without an {@code event}. */
public final class FrameParseException extends Exception {
    private static final long serialVersionUID = 1L;

    FrameParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
