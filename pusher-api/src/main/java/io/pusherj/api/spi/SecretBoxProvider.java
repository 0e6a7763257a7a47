package io.pusherj.api.spi;

import java.util.Optional;

/**
 * NaCl {@code secretbox} (XSalsa20-Poly1305) for {@code private-encrypted-} channels, provided by
 * {@code pusher-encryption} and found with {@link java.util.ServiceLoader}. Implementations never keep
 * or log keys and leave the arrays they are given unchanged.
 */
public interface SecretBoxProvider {
    /**
     * Decrypts and authenticates.
     *
     * @param key 32 bytes
     * @param nonce 24 bytes
     * @param ciphertext NaCl's combined form: the 16-byte authenticator, then the encrypted bytes
     * @return the plaintext, or empty if authentication fails
     */
    Optional<byte[]> open(byte[] key, byte[] nonce, byte[] ciphertext);

    /**
     * Encrypts (what an app server does when it publishes; used by the testkit).
     *
     * @param key 32 bytes
     * @param nonce 24 bytes, never reused with the same key
     * @param plaintext the bytes to encrypt
     * @return NaCl's combined form
     */
    byte[] seal(byte[] key, byte[] nonce, byte[] plaintext);
}
