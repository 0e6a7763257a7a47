package io.pusherj.core.auth;

import io.pusherj.api.AuthError;
import io.pusherj.api.AuthException;
import io.pusherj.core.connection.Errors;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns whatever an auth stage failed with into the {@link AuthError} channels report. */
public final class AuthErrors {
    private AuthErrors() {}

    /** The error for a failure; an {@link AuthException} keeps its status and message. */
    public static AuthError of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof AuthException a) {
            return error(a.getMessage(), a.status());
        }
        return error("authorization failed: " + Errors.describe(t), OptionalInt.empty());
    }

    /** An {@code AuthError} (pusher-js's type name) with a message for people: one line, at most 300 characters. */
    public static AuthError error(String message, OptionalInt status) {
        return new AuthError("AuthError", Errors.shorten(message), status);
    }
}
