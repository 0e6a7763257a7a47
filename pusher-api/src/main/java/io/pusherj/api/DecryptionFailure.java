package io.pusherj.api;

import java.util.Objects;

/**
 * An encrypted event that could not be decrypted.
 *
 * @param channelName the channel
 * @param eventName the event
 * @param reason why (never includes the key)
 */
public record DecryptionFailure(String channelName, String eventName, String reason) {
    /**
     * Validates the components.
     *
     * @param channelName the channel
     * @param eventName the event
     * @param reason why (never includes the key)
     */
    public DecryptionFailure {
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(reason, "reason");
    }
}
