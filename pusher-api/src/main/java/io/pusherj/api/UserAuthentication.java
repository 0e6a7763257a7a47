package io.pusherj.api;

import java.util.Objects;

/**
 * A successful user authentication (docs/protocol.md §8.4, §8.7).
 *
 * @param auth {@code KEY:SIGNATURE}
 * @param userData the exact {@code user_data} JSON string, signed byte for byte and sent unchanged
 */
public record UserAuthentication(String auth, String userData) {
    /**
     * Validates the components.
     *
     * @param auth {@code KEY:SIGNATURE}
     * @param userData the exact {@code user_data} JSON string, signed byte for byte and sent unchanged
     */
    public UserAuthentication {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(userData, "userData");
    }
}
