package io.pusherj.api;

/** Base of the unchecked exceptions pusherj throws. */
public class PusherException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public PusherException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the cause
     */
    public PusherException(String message, Throwable cause) {
        super(message, cause);
    }
}
