package io.pusherj.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the test server's auth endpoint misbehaves for a channel: a status, a content type and body to
 * answer with instead of a signature, and a delay before answering (or before signing, when
 * {@code status} is 0), or a redirect.
 *
 * @param status HTTP status to answer, or 0 to sign normally (after the delay)
 * @param contentType content type of {@code body}
 * @param body the body to answer; for JSONP requests {@code CALLBACK} in it is replaced by the callback name
 * @param delay wait before answering
 * @param location the {@code Location} header to send with {@code status}, empty for none; {@code QUERY}
 *                 in it is replaced by the request's query string
 */
public record AuthFault(int status, String contentType, String body, Duration delay, String location) {
    /**
     * Validates the components.
     *
     * @param status HTTP status to answer, or 0 to sign normally (after the delay)
     * @param contentType content type of {@code body}
     * @param body the body to answer; for JSONP requests {@code CALLBACK} in it is replaced by the callback name
     * @param delay wait before answering
     * @param location the {@code Location} header to send with {@code status}, empty for none; {@code QUERY}
     *         in it is replaced by the request's query string
     */
    public AuthFault {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(location, "location");
    }

    /**
     * A fault without a {@code Location} header.
     *
     * @param status HTTP status to answer, or 0 to sign normally (after the delay)
     * @param contentType content type of {@code body}
     * @param body the body to answer
     * @param delay wait before answering
     */
    public AuthFault(int status, String contentType, String body, Duration delay) {
        this(status, contentType, body, delay, "");
    }

    /**
     * Answer {@code status} (301, 302, 303, 307, 308) with {@code Location: location}.
     *
     * @param status a redirect status
     * @param location the {@code Location} header
     * @return the fault
     */
    public static AuthFault redirect(int status, String location) {
        return new AuthFault(status, "text/plain", "", Duration.ZERO, location);
    }

    /**
     * Answer {@code status} with a JSON body.
     *
     * @param status the HTTP status
     * @param jsonBody the JSON body
     * @return the fault
     */
    public static AuthFault status(int status, String jsonBody) {
        return new AuthFault(status, "application/json", jsonBody, Duration.ZERO);
    }

    /**
     * Answer 200 with {@code body} as given (HTML, invalid JSON, missing fields ...).
     *
     * @param contentType the content type
     * @param body the body
     * @return the fault
     */
    public static AuthFault body(String contentType, String body) {
        return new AuthFault(200, contentType, body, Duration.ZERO);
    }

    /**
     * Sign normally, but only after {@code delay}.
     *
     * @param delay the wait before signing
     * @return the fault
     */
    public static AuthFault slow(Duration delay) {
        return new AuthFault(0, "application/json", "", delay);
    }
}
