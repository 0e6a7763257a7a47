package io.pusherj.encryption;

import io.pusherj.api.spi.SecretBoxProvider;
import java.util.Optional;
import javax.crypto.SecretKey;
import software.pando.crypto.nacl.SecretBox;

/**
 * {@link SecretBoxProvider} over Salty Coffee's {@link SecretBox}. Salty Coffee wipes the key array it
 * is given, so it always gets a copy; the caller's arrays stay as they were.
 */
public final class SaltyCoffeeSecretBox implements SecretBoxProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public SaltyCoffeeSecretBox() {}

    @Override
    public Optional<byte[]> open(byte[] key, byte[] nonce, byte[] ciphertext) {
        SecretKey k = SecretBox.key(key.clone());
        try (SecretBox box = SecretBox.fromCombined(nonce.clone(), ciphertext.clone())) {
            return Optional.of(box.decrypt(k));
        } catch (RuntimeException e) {
            // Salty Coffee signals a failed authentication with an unchecked exception.
            return Optional.empty();
        }
    }

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        SecretKey k = SecretBox.key(key.clone());
        try (SecretBox box = SecretBox.encrypt(k, nonce.clone(), plaintext)) {
            return box.getCiphertextWithTag();
        }
    }
}
