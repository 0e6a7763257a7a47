package io.pusherj.core;

import io.pusherj.api.PusherException;
import io.pusherj.api.spi.SecretBoxProvider;

/** The NaCl secretbox implementation, found with {@link Services} (module {@code pusher-encryption}). */
final class SecretBoxes {
    private SecretBoxes() {}

    /**
     * The provider.
     *
     * @throws PusherException naming the artifact to add when none is on the path
     */
    static SecretBoxProvider require(String channelName) {
        return Services.of(SecretBoxProvider.class).stream()
                .findFirst()
                .orElseThrow(() -> new PusherException("channel '" + channelName
                        + "' is end-to-end encrypted: add io.pusherj:pusher-encryption to the class or module path"));
    }
}
