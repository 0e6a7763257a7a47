package io.pusherj.api;

import java.util.OptionalInt;

/**
 * An authorization or authentication failure: pusher-js's {@code AuthError}/{@code HTTPAuthError}, with
 * the HTTP status when there was one. Custom handlers may fail their stage with it to set the status.
 */
public class AuthException extends PusherException {
    private static final long serialVersionUID = 1L;
    /** The HTTP status, or -1 when the endpoint did not answer. */
    private final int status;

    /**
     * A failure without an HTTP status.
     *
     * @param message what went wrong (never a token or secret)
     */
    public AuthException(String message) {
        this(message, -1, null);
    }

    /**
     * A failure.
     *
     * @param message what went wrong (never a token or secret)
     * @param status the HTTP status, or -1 for none (network failure, timeout)
     * @param cause the cause, or null
     */
    public AuthException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** {@return the HTTP status, when the endpoint answered} */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
