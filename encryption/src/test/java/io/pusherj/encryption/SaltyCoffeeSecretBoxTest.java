package io.pusherj.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.testkit.ServiceDeclarations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The vector of docs/protocol.md §9, computed with tweetnacl 1.0.3. */
class SaltyCoffeeSecretBoxTest {
    static final Base64.Decoder B64 = Base64.getDecoder();
    static final byte[] SHARED = B64.decode("wp8Orjt2S4H4n8dDP7pa2A9reduRTTedbaiVnjqomsc=");
    static final byte[] NONCE = B64.decode("oKGio6SlpqeoqaqrrK2ur7CxsrO0tba3");
    static final byte[] CIPHER = B64.decode("/XDYk3Qj6wKq0Ja5uPM0/MgDOCec1xuaFZXU92H5qlVMh4c=");

    final SaltyCoffeeSecretBox box = new SaltyCoffeeSecretBox();

    @Test
    void sharedSecretIsSha256OfChannelAndMasterKey() throws Exception {
        byte[] master = new byte[32];
        for (int i = 0; i < 32; i++) {
            master[i] = (byte) i;
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("private-encrypted-vault".getBytes(StandardCharsets.UTF_8));
        sha.update(master);
        assertArrayEquals(SHARED, sha.digest());
    }

    @Test
    void opensTheVector() {
        assertEquals(
                "{\"message\":\"hello\"}",
                new String(box.open(SHARED, NONCE, CIPHER).orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void sealsTheVector() {
        assertArrayEquals(CIPHER, box.seal(SHARED, NONCE, "{\"message\":\"hello\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWrongKeyOrTamperedCiphertextDoesNotOpen() {
        byte[] wrong = SHARED.clone();
        wrong[0] ^= 1;
        assertTrue(box.open(wrong, NONCE, CIPHER).isEmpty());
        byte[] tampered = CIPHER.clone();
        tampered[tampered.length - 1] ^= 1;
        assertTrue(box.open(SHARED, NONCE, tampered).isEmpty());
    }

    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProvider() {
        ServiceDeclarations.assertConsistent(SaltyCoffeeSecretBox.class);
    }

    @Test
    void theCallersKeyIsLeftIntact() {
        byte[] key = SHARED.clone();
        box.open(key, NONCE, CIPHER);
        assertArrayEquals(SHARED, key);
    }
}
