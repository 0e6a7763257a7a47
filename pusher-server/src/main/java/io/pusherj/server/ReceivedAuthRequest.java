package io.pusherj.server;

import java.util.Map;

/**
 * One request the test server's auth endpoint received.
 *
 * @param method {@code POST} (ajax) or {@code GET} (jsonp)
 * @param path the request path
 * @param params form or query parameters, in order
 * @param headers request headers (names lower-cased)
 */
public record ReceivedAuthRequest(
        String method, String path, Map<String, String> params, Map<String, String> headers) {}
