package io.pusherj.api;

import java.util.function.Consumer;

/**
 * A {@code private-encrypted-} channel: end-to-end encrypted events (NaCl secretbox with the
 * {@code shared_secret} from the auth response). Needs {@code io.pusherj:pusher-encryption} on the path.
 * Listeners receive the decrypted data. Client events are not supported on encrypted channels.
 */
public interface EncryptedChannel extends Channel {
    /**
     * Listens to events that could not be decrypted even after re-authorizing once for a fresh key
     * (the official Java client's {@code onDecryptionFailure}); such events are not delivered.
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onDecryptionFailure(Consumer<DecryptionFailure> listener);
}
