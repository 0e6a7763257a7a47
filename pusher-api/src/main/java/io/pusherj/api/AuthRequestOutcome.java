package io.pusherj.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one auth request of a client went: a channel's authorization (private, presence and encrypted
 * channels) or the user's authentication for sign-in, through the auth endpoint or a custom handler. For
 * metrics and diagnostics ({@link Connection#onAuthRequest}).
 *
 * @param channelName the channel authorized; empty for the user's sign-in authentication
 * @param duration from asking to the answer (or to giving up at the auth timeout), measured with
 *     {@link System#nanoTime()}
 * @param error why it failed; empty if it succeeded
 */
public record AuthRequestOutcome(Optional<String> channelName, Duration duration, Optional<AuthError> error) {
    /**
     * Validates the components.
     *
     * @param channelName the channel authorized; empty for the user's sign-in authentication
     * @param duration from asking to the answer (or to giving up at the auth timeout)
     * @param error why it failed; empty if it succeeded
     */
    public AuthRequestOutcome {
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
    }

    /** {@return whether the request succeeded} */
    public boolean succeeded() {
        return error.isEmpty();
    }
}
