package io.pusherj.api.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One auth request as the core built it (protocol.md §5.3).
 *
 * @param endpoint the absolute endpoint
 * @param params form parameters in order: {@code socket_id}, {@code channel_name} (channels only), then
 *     the static and provided parameters
 * @param headers headers in order: static then provided (ignored by JSONP)
 * @param timeout how long the request may take
 */
public record AuthRequest(URI endpoint, Map<String, String> params, Map<String, String> headers, Duration timeout) {
    /** Validates and freezes the components (keeping their order). */
    public AuthRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "AuthRequest[" + endpoint + ", params=" + params.keySet() + ", headers=" + headers.keySet() + "]";
    }
}
