package io.pusherj.server;

import jakarta.json.JsonObject;
import java.util.Map;

/**
 * The test server's app-server role: what an application's auth endpoints answer (channel authorizations,
 * user sign-ins, signed with the app secret like Pusher's server libraries), and the checks Pusher makes
 * of them on subscription and sign-in. Thread-safe (stateless but for the encryption keys).
 */
final class AppSigner {
    private final String appKey;
    private final String appSecret;
    private final ChannelEncryption encryption;

    AppSigner(String appKey, String appSecret, ChannelEncryption encryption) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.encryption = encryption;
    }

    /** The JSON an app server returns for a sign-in: {@code auth} and the exact {@code user_data} string. */
    String signUser(String socketId, Map<String, String> params) {
        String userId = params.getOrDefault("user_id", "user-" + socketId);
        var watch = ServerFrames.JSON.createArrayBuilder();
        String list = params.getOrDefault("watchlist", "");
        for (String w : list.split(",")) {
            if (!w.isBlank()) {
                watch.add(w.trim());
            }
        }
        String userData = ServerFrames.JSON
                .createObjectBuilder()
                .add("id", userId)
                .add(
                        "user_info",
                        ServerFrames.JSON.createObjectBuilder().add("name", params.getOrDefault("user_name", userId)))
                .add("watchlist", watch)
                .build()
                .toString();
        return ServerFrames.JSON
                .createObjectBuilder()
                .add("auth", AuthSignatures.user(appKey, appSecret, socketId, userData))
                .add("user_data", userData)
                .build()
                .toString();
    }

    /** The JSON an app server returns for a channel, or null if the channel needs no authorization. */
    String signChannel(String socketId, String channel, Map<String, String> params) {
        if (channel.startsWith("presence-") && "true".equals(params.get(PusherTestServer.OMIT_CHANNEL_DATA))) {
            // An app server relying on sign-in for presence: signed like a private channel (docs/protocol.md §8.6).
            return ServerFrames.JSON
                    .createObjectBuilder()
                    .add("auth", AuthSignatures.channel(appKey, appSecret, socketId, channel))
                    .build()
                    .toString();
        }
        if (channel.startsWith("presence-")) {
            String userId = params.getOrDefault("user_id", "user-" + socketId);
            String name = params.getOrDefault("user_name", userId);
            String channelData = ServerFrames.JSON
                    .createObjectBuilder()
                    .add("user_id", userId)
                    .add("user_info", ServerFrames.JSON.createObjectBuilder().add("name", name))
                    .build()
                    .toString();
            return ServerFrames.JSON
                    .createObjectBuilder()
                    .add("auth", AuthSignatures.presence(appKey, appSecret, socketId, channel, channelData))
                    .add("channel_data", channelData)
                    .build()
                    .toString();
        }
        if (channel.startsWith("private-encrypted-")) {
            return ServerFrames.JSON
                    .createObjectBuilder()
                    .add("auth", AuthSignatures.channel(appKey, appSecret, socketId, channel))
                    .add("shared_secret", encryption.sharedSecret(channel))
                    .build()
                    .toString();
        }
        if (channel.startsWith("private-")) {
            return ServerFrames.JSON
                    .createObjectBuilder()
                    .add("auth", AuthSignatures.channel(appKey, appSecret, socketId, channel))
                    .build()
                    .toString();
        }
        return null;
    }

    boolean verifyUserSignature(ServerConnection c, String auth, String userData) {
        return AuthSignatures.user(appKey, appSecret, c.socketId(), userData).equals(auth);
    }

    /** Pusher's check of a private/presence subscription: the signature must match exactly. */
    String checkSubscriptionSignature(
            ServerConnection c, String channel, JsonObject data, boolean presenceAsSignedInUser) {
        String auth = data.getString("auth", "");
        String channelData = data.getString("channel_data", null);
        if (presenceAsSignedInUser) {
            // Presence for a signed-in user: signed like a private channel (docs/protocol.md §8.6).
            String expected = AuthSignatures.channel(appKey, appSecret, c.socketId(), channel);
            return expected.equals(auth) ? null : "Invalid signature for " + channel;
        }
        String expected = channel.startsWith("presence-")
                ? AuthSignatures.presence(
                        appKey, appSecret, c.socketId(), channel, channelData == null ? "" : channelData)
                : AuthSignatures.channel(appKey, appSecret, c.socketId(), channel);
        if (channel.startsWith("presence-") && channelData == null) {
            return "presence subscription without channel_data";
        }
        return expected.equals(auth)
                ? null
                : "Invalid signature: expected HMAC SHA256 hex digest of " + c.socketId() + ":" + channel
                        + (channelData == null ? "" : ":" + channelData) + ", but got " + auth;
    }
}
