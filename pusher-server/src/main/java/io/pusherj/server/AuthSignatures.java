package io.pusherj.server;

/**
 * The signatures an app server gives clients (docs/protocol.md §8.1): {@code KEY:HEX(HMAC-SHA256(secret, S))}
 * with S = {@code SOCKET_ID:CHANNEL} for private and encrypted channels,
 * {@code SOCKET_ID:CHANNEL:CHANNEL_DATA} for presence channels and {@code SOCKET_ID::user::USER_DATA}
 * for user sign-in. Handy for your own test auth endpoints too.
 */
public final class AuthSignatures {
    private AuthSignatures() {}

    /**
     * The {@code auth} value for a private or encrypted channel.
     *
     * @param key the app key
     * @param secret the app secret
     * @param socketId the socket id
     * @param channel the channel name
     * @return {@code KEY:SIGNATURE}
     */
    public static String channel(String key, String secret, String socketId, String channel) {
        return key + ":" + RestAuth.hmacSha256Hex(secret, socketId + ":" + channel);
    }

    /**
     * The {@code auth} value for a presence channel with its exact {@code channel_data} string.
     *
     * @param key the app key
     * @param secret the app secret
     * @param socketId the socket id
     * @param channel the channel name
     * @param channelData the {@code channel_data} string, signed as given
     * @return {@code KEY:SIGNATURE}
     */
    public static String presence(String key, String secret, String socketId, String channel, String channelData) {
        return key + ":" + RestAuth.hmacSha256Hex(secret, socketId + ":" + channel + ":" + channelData);
    }

    /**
     * The {@code auth} value for a user sign-in with its exact {@code user_data} string.
     *
     * @param key the app key
     * @param secret the app secret
     * @param socketId the socket id
     * @param userData the {@code user_data} string, signed as given
     * @return {@code KEY:SIGNATURE}
     */
    public static String user(String key, String secret, String socketId, String userData) {
        return key + ":" + RestAuth.hmacSha256Hex(secret, socketId + "::user::" + userData);
    }
}
