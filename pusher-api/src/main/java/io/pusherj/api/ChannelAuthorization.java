package io.pusherj.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful channel authorization (the JSON an auth endpoint returns, docs/protocol.md §8.4).
 *
 * @param auth {@code KEY:SIGNATURE}
 * @param channelData presence channels: the exact {@code channel_data} string, forwarded unchanged
 * @param sharedSecret encrypted channels: the base64 {@code shared_secret}; never logged
 */
public record ChannelAuthorization(String auth, Optional<String> channelData, Optional<String> sharedSecret) {
    /**
     * Validates the components.
     *
     * @param auth {@code KEY:SIGNATURE}
     * @param channelData presence channels: the exact {@code channel_data} string, forwarded unchanged
     * @param sharedSecret encrypted channels: the base64 {@code shared_secret}; never logged
     */
    public ChannelAuthorization {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(channelData, "channelData");
        Objects.requireNonNull(sharedSecret, "sharedSecret");
    }

    /**
     * A private-channel authorization with only {@code auth}.
     *
     * @param auth the {@code auth} value, {@code KEY:SIGNATURE}
     * @return the authorization
     */
    public static ChannelAuthorization of(String auth) {
        return new ChannelAuthorization(auth, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "ChannelAuthorization[auth=" + auth + ", channelData=" + channelData + ", sharedSecret="
                + sharedSecret.map(s -> "(hidden)") + "]";
    }
}
