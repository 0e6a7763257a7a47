package io.pusherj.api;

/** Base of the unchecked exceptions pusherj throws. */
public class PusherException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public PusherException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public PusherException(String message, Throwable cause) {
        super(message, cause);
    }
}
