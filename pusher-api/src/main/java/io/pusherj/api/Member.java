package io.pusherj.api;

import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * A member of a presence channel.
 *
 * @param id the user id the app server signed
 * @param info the {@code user_info} the app server gave, {@link JsonValue#NULL} when none
 */
public record Member(String id, JsonValue info) {
    /**
     * Validates the components.
     *
     * @param id the user id the app server signed
     * @param info the {@code user_info} the app server gave, {@link JsonValue#NULL} when none
     */
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
    }
}
