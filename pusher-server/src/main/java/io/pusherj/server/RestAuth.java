package io.pusherj.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pusher's REST API authentication ("auth_signature"), as the official server libraries compute it:
 * HMAC-SHA256, keyed with the app secret, of {@code METHOD\nPATH\nQUERY} where QUERY is every parameter
 * except {@code auth_signature}, keys lower-cased and sorted, joined as {@code k=v&...}; the request body
 * is covered by {@code body_md5}. Used by the test server to verify and by the CLI to sign.
 */
public final class RestAuth {
    private RestAuth() {}

    /**
     * Builds the signed query string for a request.
     *
     * @param method e.g. {@code POST}
     * @param path e.g. {@code /apps/app-id/events}
     * @param key the app key
     * @param secret the app secret
     * @param body the exact request body
     * @param epochSeconds the timestamp to sign
     * @return the query string, without the leading {@code ?}
     */
    public static String signedQuery(
            String method, String path, String key, String secret, String body, long epochSeconds) {
        Map<String, String> params = new TreeMap<>();
        params.put("auth_key", key);
        params.put("auth_timestamp", Long.toString(epochSeconds));
        params.put("auth_version", "1.0");
        params.put("body_md5", md5Hex(body));
        String query = canonicalQuery(params);
        return query + "&auth_signature=" + signature(method, path, query, secret);
    }

    /**
     * The canonical query: keys lower-cased and sorted, {@code auth_signature} left out.
     *
     * @param params the query parameters
     * @return the canonical query string
     */
    public static String canonicalQuery(Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> {
            if (!"auth_signature".equals(k)) {
                sorted.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) ->
                sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * The lower-case hex HMAC-SHA256 of {@code METHOD\nPATH\nQUERY}.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param path the request path
     * @param canonicalQuery from {@link #canonicalQuery(Map)}
     * @param secret the app secret
     * @return the hex signature
     */
    public static String signature(String method, String path, String canonicalQuery, String secret) {
        return hmacSha256Hex(secret, method + "\n" + path + "\n" + canonicalQuery);
    }

    /**
     * Lower-case hex HMAC-SHA256 of {@code message} keyed with {@code secret} (UTF-8).
     *
     * @param secret the key
     * @param message the message
     * @return the hex digest
     */
    public static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Lower-case hex MD5 of the UTF-8 bytes.
     *
     * @param body the text
     * @return the hex digest
     */
    public static String md5Hex(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
