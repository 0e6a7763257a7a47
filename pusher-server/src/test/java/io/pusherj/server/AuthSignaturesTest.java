package io.pusherj.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The signature vectors of docs/protocol.md §8.2, the Channels docs' vectors among them. */
class AuthSignaturesTest {
    static final String KEY = "a1b2c3d4e5f6a7b8c9d0";
    static final String SECRET = "0f1e2d3c4b5a69788796";
    static final String SOCKET = "123456.7890123";

    @Test
    void privateChannel() {
        assertEquals(
                KEY + ":a5b37d42d5f4bc119de8212c353a1d2fbc06c51aeac8d18f75dd6243d2f0a3e2",
                AuthSignatures.channel(KEY, SECRET, SOCKET, "private-orders"));
    }

    @Test
    void encryptedChannelSignsLikeAPrivateOne() {
        assertEquals(
                KEY + ":aad78fe8408923f928fd3e24157d5593cfc2a50b41ce917e50dc045605ed03d7",
                AuthSignatures.channel(KEY, SECRET, SOCKET, "private-encrypted-vault"));
    }

    @Test
    void presenceChannel() {
        assertEquals(
                KEY + ":577f3587332cab3b284bb25d032fa8279aefb57da29a223a0dfaf16ccde1fcf6",
                AuthSignatures.presence(
                        KEY, SECRET, SOCKET, "presence-room", "{\"user_id\":\"42\",\"user_info\":{\"name\":\"Ada\"}}"));
    }

    @Test
    void userSignIn() {
        assertEquals(
                KEY + ":94bbc5c54a0f9462da6848263c4524de5fa3ceb05e09e9bb54e62b979c03459f",
                AuthSignatures.user(KEY, SECRET, SOCKET, "{\"id\":\"42\",\"watchlist\":[\"7\",\"9\"]}"));
    }

    @Test
    void officialDocsVectors() {
        assertEquals(
                "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
                AuthSignatures.channel("278d425bdf160c739803", "7ad3773142a6692b25b8", "1234.1234", "private-foobar"));
        assertEquals(
                "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba",
                AuthSignatures.user("278d425bdf160c739803", "7ad3773142a6692b25b8", "1234.1234", "{\"id\":\"12345\"}"));
        // The docs' presence example with the corrected user name (docs/protocol.md §8.2).
        assertEquals(
                "278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
                AuthSignatures.presence(
                        "278d425bdf160c739803",
                        "7ad3773142a6692b25b8",
                        "1234.1234",
                        "presence-foobar",
                        "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}"));
    }
}
