package io.pusherj.xhr;

import java.net.URI;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The URLs of one HTTP fallback session (docs/protocol.md §11.1-11.2, pusher-js {@code http_socket.ts}):
 * {@code base/SERVER/SESSION/KIND} + the protocol query (receive requests only) + a unique
 * {@code t=<ms>&n=<counter>} suffix, where SERVER is 0-999 and SESSION 8 base-32 characters, both random
 * per session, and the counter is process-wide. {@link #moveTo(String)} follows the {@code hostname} of
 * an open frame.
 */
public final class XhrSession {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final String BASE32 = "0123456789abcdefghijklmnopqrstuv";

    private volatile String base;
    private final String query;

    /**
     * Starts a session.
     *
     * @param transportUri the transport URL of docs/protocol.md §1.2, e.g.
     *     {@code http://host:80/pusher/app/KEY?protocol=7&...}
     */
    public XhrSession(URI transportUri) {
        String url = transportUri.toString();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        this.query = q < 0 ? "" : url.substring(q);
        this.base = path + "/" + RANDOM.nextInt(1000) + "/" + randomSessionId();
    }

    static String randomSessionId() {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(BASE32.charAt(RANDOM.nextInt(32)));
        }
        return sb.toString();
    }

    /** The URL of a receive request: {@code xhr_streaming} or {@code xhr}. */
    public URI receiveUri(String kind) {
        return URI.create(unique(base + "/" + kind + query));
    }

    /** The URL of a send request. */
    public URI sendUri() {
        return URI.create(unique(base + "/xhr_send"));
    }

    /** The session base, for messages and tests. */
    public String base() {
        return base;
    }

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");

    /**
     * Moves later requests to {@code hostname}, keeping scheme, port and path (docs/protocol.md §11.7).
     *
     * @throws IllegalArgumentException if {@code hostname} is not a host name or address: it comes from
     *         the server and goes into every later URL, so a malformed one would break them all
     */
    public void moveTo(String hostname) {
        if (!HOST.matcher(hostname).matches()) {
            throw new IllegalArgumentException("not a host name: '"
                    + (hostname.length() <= 60 ? hostname : hostname.substring(0, 60) + "…") + "'");
        }
        URI current = URI.create(base);
        base = current.getScheme() + "://" + hostname + (current.getPort() < 0 ? "" : ":" + current.getPort())
                + current.getRawPath();
    }

    private static String unique(String url) {
        return url + (url.indexOf('?') < 0 ? "?" : "&") + "t=" + System.currentTimeMillis() + "&n="
                + REQUESTS.incrementAndGet();
    }
}
