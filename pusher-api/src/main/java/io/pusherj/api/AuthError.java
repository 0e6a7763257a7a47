package io.pusherj.api;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a subscription or sign-in was refused: the typed form of the {@code pusher:subscription_error}
 * payload {@code {"type":"AuthError","error":"…","status":403}}.
 *
 * @param type {@code AuthError} for authorization failures, or the server's type
 * @param message the error message (names the endpoint and the status, never a token)
 * @param status the HTTP status when the endpoint answered
 */
public record AuthError(String type, String message, OptionalInt status) {
    /**
     * Validates the components.
     *
     * @param type {@code AuthError} for authorization failures, or the server's type
     * @param message the error message (names the endpoint and the status, never a token)
     * @param status the HTTP status when the endpoint answered
     */
    public AuthError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
    }
}
