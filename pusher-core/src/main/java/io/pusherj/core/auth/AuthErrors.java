package io.pusherj.core.auth;

import io.pusherj.api.AuthError;
import io.pusherj.api.AuthException;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns whatever an auth stage failed with into the {@link AuthError} channels report. */
public final class AuthErrors {
    private AuthErrors() {
    }

    /** The error for a failure; an {@link AuthException} keeps its status and message. */
    public static AuthError of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof AuthException a) {
            return new AuthError("AuthError", a.getMessage(), a.status());
        }
        return new AuthError("AuthError", "authorization failed: " + t, OptionalInt.empty());
    }
}
