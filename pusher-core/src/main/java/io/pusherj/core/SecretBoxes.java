package io.pusherj.core;

import io.pusherj.api.PusherException;
import io.pusherj.api.spi.SecretBoxProvider;
import java.util.ServiceLoader;

/** The NaCl secretbox implementation, found once with {@link ServiceLoader} (module {@code pusher-encryption}). */
final class SecretBoxes {
    private static volatile SecretBoxProvider provider;

    private SecretBoxes() {
    }

    /**
     * The provider.
     *
     * @throws PusherException naming the artifact to add when none is on the path
     */
    static SecretBoxProvider require(String channelName) {
        SecretBoxProvider p = provider;
        if (p == null) {
            p = ServiceLoader.load(SecretBoxProvider.class, SecretBoxes.class.getClassLoader()).findFirst()
                    .or(() -> ServiceLoader.load(SecretBoxProvider.class).findFirst())
                    .orElseThrow(() -> new PusherException("channel '" + channelName
                            + "' is end-to-end encrypted: add io.pusherj:pusher-encryption to the class or module path"));
            provider = p;
        }
        return p;
    }
}
