package io.pusherj.api.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One auth request as the core built it (docs/protocol.md §8.3).
 *
 * @param endpoint the absolute endpoint
 * @param params form parameters in order: {@code socket_id}, {@code channel_name} (channels only), then
 *     the static and provided parameters
 * @param headers headers in order: static then provided (ignored by JSONP)
 * @param timeout how long the request may take
 */
public record AuthRequest(URI endpoint, Map<String, String> params, Map<String, String> headers, Duration timeout) {
    /**
     * Validates and freezes the components (keeping their order).
     *
     * @param endpoint the absolute endpoint
     * @param params form parameters in order: {@code socket_id}, {@code channel_name} (channels only), then
     *     the static and provided parameters
     * @param headers headers in order: static then provided (ignored by JSONP)
     * @param timeout how long the request may take
     * @throws IllegalArgumentException if a header fails {@link #checkHeader}
     */
    public AuthRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        headers.forEach(AuthRequest::checkHeader);
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Checks one header: the name an HTTP token (RFC 9110 §5.6.2), the value free of CR, LF and NUL, so no
     * option or header provider can inject a header or split the request. The message names the header,
     * never its value (it may be a token).
     *
     * @param name the header name
     * @param value the header value
     * @throws IllegalArgumentException if the header is not safe to send
     */
    public static void checkHeader(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "value of header " + name);
        if (name.isEmpty() || !name.chars().allMatch(AuthRequest::isTokenChar)) {
            throw new IllegalArgumentException("invalid header name: " + name.replaceAll("[^\\x21-\\x7e]", "?"));
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("the value of header " + name + " contains CR, LF or NUL");
        }
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    @Override
    public String toString() {
        return "AuthRequest[" + endpoint + ", params=" + params.keySet() + ", headers=" + headers.keySet() + "]";
    }
}
