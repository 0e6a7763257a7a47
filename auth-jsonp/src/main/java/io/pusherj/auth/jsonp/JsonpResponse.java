package io.pusherj.auth.jsonp;

import java.util.Optional;

/**
 * Reads a JSONP answer ({@code NAME({...});}) without evaluating anything: the text between the first
 * {@code NAME(} and the last {@code )} is the JSON, and the core parses it as JSON only (docs/protocol.md §8.5).
 */
final class JsonpResponse {
    private JsonpResponse() {}

    /** The JSON inside the callback call, or empty when the body does not call {@code callbackName}. */
    static Optional<String> extract(String body, String callbackName) {
        String prefix = callbackName + "(";
        int start = body.indexOf(prefix);
        int end = body.lastIndexOf(')');
        if (start < 0 || end < start + prefix.length()) {
            return Optional.empty();
        }
        // Only whitespace, comments-free JS wrappers such as "/**/" are tolerated before the call.
        String before = body.substring(0, start).strip();
        String after = body.substring(end + 1).strip();
        if (!(before.isEmpty() || before.equals("/**/")) || !(after.isEmpty() || after.equals(";"))) {
            return Optional.empty();
        }
        return Optional.of(body.substring(start + prefix.length(), end).strip());
    }
}
