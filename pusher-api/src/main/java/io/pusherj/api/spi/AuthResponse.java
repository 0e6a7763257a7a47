package io.pusherj.api.spi;

import java.util.Objects;

/**
 * What the endpoint answered.
 *
 * @param status the HTTP status
 * @param body the response body (for JSONP, the JSON extracted from the callback)
 */
public record AuthResponse(int status, String body) {
    /**
     * Validates the components.
     *
     * @param status the HTTP status
     * @param body the response body (for JSONP, the JSON extracted from the callback)
     */
    public AuthResponse {
        Objects.requireNonNull(body, "body");
    }
}
