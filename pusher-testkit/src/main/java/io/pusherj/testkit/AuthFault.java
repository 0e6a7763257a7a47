package io.pusherj.testkit;

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
    /** Validates the components. */
    public AuthFault {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(location, "location");
    }

    /** A fault without a {@code Location} header. */
    public AuthFault(int status, String contentType, String body, Duration delay) {
        this(status, contentType, body, delay, "");
    }

    /** Answer {@code status} (301, 302, 303, 307, 308) with {@code Location: location}. */
    public static AuthFault redirect(int status, String location) {
        return new AuthFault(status, "text/plain", "", Duration.ZERO, location);
    }

    /** Answer {@code status} with a JSON body. */
    public static AuthFault status(int status, String jsonBody) {
        return new AuthFault(status, "application/json", jsonBody, Duration.ZERO);
    }

    /** Answer 200 with {@code body} as given (HTML, invalid JSON, missing fields ...). */
    public static AuthFault body(String contentType, String body) {
        return new AuthFault(200, contentType, body, Duration.ZERO);
    }

    /** Sign normally, but only after {@code delay}. */
    public static AuthFault slow(Duration delay) {
        return new AuthFault(0, "application/json", "", delay);
    }
}
