package io.pusherj.core;

import io.pusherj.api.Binding;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.DecryptionFailure;
import io.pusherj.api.EncryptedChannel;
import io.pusherj.api.spi.SecretBoxProvider;
import io.pusherj.core.auth.AuthErrors;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A {@code private-encrypted-} channel (pusher-js {@code encrypted_channel.ts}, docs/protocol.md §9): keeps
 * the {@code shared_secret} of its authorization and decrypts every non-protocol event with NaCl
 * secretbox. A failure re-authorizes once for a fresh key and retries; a second failure goes to the
 * decryption-failure listeners (the official Java client's behaviour), and the event is dropped.
 */
final class EncryptedChannelImpl extends AuthorizedChannel implements EncryptedChannel {
    private static final System.Logger LOG = System.getLogger(EncryptedChannelImpl.class.getName());
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 24;
    private static final int TAG_BYTES = 16;

    private final SecretBoxProvider secretBox;
    private final Listeners<Consumer<DecryptionFailure>> failures = new Listeners<>();
    private byte[] key;

    EncryptedChannelImpl(String name, Host host, SecretBoxProvider secretBox) {
        super(name, host);
        this.secretBox = secretBox;
    }

    @Override
    String kind() {
        return "private-encrypted";
    }

    @Override
    public Binding onDecryptionFailure(Consumer<DecryptionFailure> listener) {
        return failures.add(listener);
    }

    @Override
    void inheritAuthorization(ChannelImpl retired) {
        key = ((EncryptedChannelImpl) retired).key;
    }

    @Override
    public void unbindAll() {
        super.unbindAll();
        failures.clear();
    }

    @Override
    void onAuthorized(ChannelAuthorization authorization) {
        Optional<byte[]> secret = decodeKey(authorization);
        if (secret.isEmpty()) {
            subscriptionFailed(AuthErrors.error(
                    "no valid shared_secret in the auth response for '" + name() + "' (base64 of 32 bytes expected)",
                    OptionalInt.empty()));
            return;
        }
        key = secret.get();
        sendSubscribe(authorization); // the shared secret itself is never sent
    }

    private static Optional<byte[]> decodeKey(ChannelAuthorization authorization) {
        try {
            return authorization
                    .sharedSecret()
                    .map(s -> Base64.getDecoder().decode(s))
                    .filter(k -> k.length == KEY_BYTES);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    void handleEvent(Frame frame) {
        String event = frame.eventName();
        if (event.startsWith("pusher:") || event.startsWith("pusher_internal:")) {
            super.handleEvent(frame);
            return;
        }
        if (key == null) {
            LOG.log(System.Logger.Level.DEBUG, "dropping {0} on {1}: no key yet", event, name());
            return;
        }
        if (!(FrameCodec.parseOrNull(frame.data()) instanceof JsonObject payload)
                || !(payload.get("nonce") instanceof JsonString nonceText)
                || !(payload.get("ciphertext") instanceof JsonString cipherText)) {
            failed(frame, "the data is not {\"nonce\":…,\"ciphertext\":…}");
            return;
        }
        byte[] nonce;
        byte[] cipher;
        try {
            nonce = Base64.getDecoder().decode(nonceText.getString());
            cipher = Base64.getDecoder().decode(cipherText.getString());
        } catch (IllegalArgumentException e) {
            failed(frame, "nonce or ciphertext is not base64");
            return;
        }
        if (nonce.length != NONCE_BYTES || cipher.length < TAG_BYTES) {
            failed(
                    frame,
                    "nonce must be 24 bytes and ciphertext at least 16, got " + nonce.length + " and " + cipher.length);
            return;
        }
        Optional<byte[]> plain = secretBox.open(key, nonce, cipher);
        if (plain.isPresent()) {
            deliverDecrypted(frame, plain.get());
            return;
        }
        // The key may have rotated: fetch a fresh one once, then try again (pusher-js).
        host.authorize(name(), (authorization, error) -> {
            Optional<byte[]> fresh = error == null ? decodeKey(authorization) : Optional.empty();
            if (fresh.isEmpty()) {
                failed(
                        frame,
                        "could not decrypt, and re-authorizing for a fresh key failed"
                                + (error == null ? "" : ": " + error.message()));
                return;
            }
            key = fresh.get();
            secretBox
                    .open(key, nonce, cipher)
                    .ifPresentOrElse(
                            p -> deliverDecrypted(frame, p),
                            () -> failed(frame, "could not decrypt, even with a freshly authorized key"));
        });
    }

    private void deliverDecrypted(Frame frame, byte[] plaintext) {
        String text = new String(plaintext, StandardCharsets.UTF_8);
        Arrays.fill(plaintext, (byte) 0);
        // Kept as a JSON string, so json() parses it when it is JSON and keeps the text otherwise (pusher-js).
        emit(new Frame(frame.eventName(), name(), FrameCodec.json().createValue(text), null));
    }

    private void failed(Frame frame, String reason) {
        LOG.log(System.Logger.Level.WARNING, "cannot decrypt {0} on {1}: {2}", frame.eventName(), name(), reason);
        DecryptionFailure failure = new DecryptionFailure(name(), frame.eventName(), reason);
        if (!failures.isEmpty()) {
            host.deliver(() -> failures.forEach(l -> l.accept(failure), host::listenerFailed));
        }
    }
}
