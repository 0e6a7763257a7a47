package io.pusherj.server;

import io.pusherj.api.spi.SecretBoxProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ServiceLoader;

/**
 * What an app server does for {@code private-encrypted-} channels (pusher-http-node): the per-channel key
 * is SHA-256(channel name ‖ 32-byte master key), given to clients as {@code shared_secret}; published data
 * becomes {@code {"nonce":…,"ciphertext":…}} sealed with NaCl secretbox (via {@code pusher-encryption},
 * found at run time).
 */
final class ChannelEncryption {
    static final byte[] DEFAULT_MASTER_KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            DEFAULT_MASTER_KEY[i] = (byte) i;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private volatile byte[] masterKey;

    ChannelEncryption(byte[] masterKey) {
        this.masterKey = masterKey.clone();
    }

    static byte[] checkKey(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the encryption master key must be 32 bytes");
        }
        return key.clone();
    }

    void masterKey(byte[] key) {
        masterKey = checkKey(key);
    }

    byte[] channelKey(String channel) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(channel.getBytes(StandardCharsets.UTF_8));
            sha.update(masterKey);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String sharedSecret(String channel) {
        return Base64.getEncoder().encodeToString(channelKey(channel));
    }

    /** The data of an encrypted event, as the HTTP API would publish it. */
    String seal(String channel, String plaintext) {
        SecretBoxProvider box = ServiceLoader.load(SecretBoxProvider.class, ChannelEncryption.class.getClassLoader())
                .findFirst()
                .or(() -> ServiceLoader.load(SecretBoxProvider.class).findFirst())
                .orElseThrow(() -> new IllegalStateException(
                        "publishing to an encrypted channel needs io.pusherj:pusher-encryption on the path"));
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        byte[] sealed = box.seal(channelKey(channel), nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return ServerFrames.JSON
                .createObjectBuilder()
                .add("nonce", b64.encodeToString(nonce))
                .add("ciphertext", b64.encodeToString(sealed))
                .build()
                .toString();
    }
}
