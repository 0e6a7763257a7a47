package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.DecryptionFailure;
import io.pusherj.api.EncryptedChannel;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** End-to-end encrypted channels (docs/protocol.md §9) against the testkit, which encrypts like pusher-http-node. */
class EncryptedChannelTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    PusherTestServer server;
    Pusher pusher;
    EncryptedChannel vault;
    EventRecorder secrets = new EventRecorder();
    LinkedBlockingQueue<DecryptionFailure> failures = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        server = testServers.server();
        pusher = testServers.track(Pusher.create(
                server.appKey(),
                server.clientOptions()
                        .autoConnect(false)
                        .authEndpoint(server.authEndpoint().toString())
                        .build()));
        vault = pusher.subscribeEncrypted("private-encrypted-vault");
        vault.bind("secret", secrets);
        vault.onDecryptionFailure(failures::add);
        EventRecorder ok = new EventRecorder();
        vault.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        pusher.connect();
        ok.await(1, WAIT);
    }

    @Test
    void eventsArriveDecryptedAndTheSecretIsNeverSent() {
        server.publish("private-encrypted-vault", "secret", "{\"message\":\"hello\"}");
        PusherEvent e = secrets.await(1, WAIT).get(0);
        assertEquals("{\"message\":\"hello\"}", e.data());
        assertEquals("hello", e.json().asJsonObject().getString("message"));
        String subscribe = server.awaitConnection(1, WAIT).awaitFrameContaining("pusher:subscribe", WAIT);
        assertFalse(subscribe.contains("shared_secret"), subscribe);
    }

    @Test
    void aRotatedKeyIsFetchedAgainOnceAndTheEventStillArrives() {
        byte[] newMaster = new byte[32];
        newMaster[0] = 42;
        server.encryptionMasterKey(newMaster);
        server.publish("private-encrypted-vault", "secret", "after rotation");
        assertEquals("after rotation", secrets.await(1, WAIT).get(0).data());
        assertEquals(2, server.awaitAuthRequests(2, WAIT).size(), "one re-authorization");
        server.publish("private-encrypted-vault", "secret", "next");
        secrets.await(2, WAIT);
        assertEquals(2, server.authRequests().size(), "the fresh key is kept");
        assertTrue(failures.isEmpty());
    }

    @Test
    void anEventThatCannotBeDecryptedIsReportedAndLaterEventsStillArrive() throws Exception {
        ServerConnection conn = server.awaitConnection(1, WAIT);
        conn.sendRaw(
                "{\"event\":\"secret\",\"channel\":\"private-encrypted-vault\",\"data\":\"{\\\"nonce\\\":\\\""
                        + "oKGio6SlpqeoqaqrrK2ur7CxsrO0tba3\\\",\\\"ciphertext\\\":\\\"/XDYk3Qk6wKq0Ja5uPM0/MgDOCec1xuaFZXU92H5qlVMh4c=\\\"}\"}");
        DecryptionFailure f = failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals("secret", f.eventName());
        assertTrue(f.reason().contains("freshly authorized"), f.reason());
        conn.sendRaw("{\"event\":\"secret\",\"channel\":\"private-encrypted-vault\",\"data\":\"not encrypted\"}");
        DecryptionFailure g = failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(g.reason().contains("nonce"), g.reason());
        server.publish("private-encrypted-vault", "secret", "fine");
        assertEquals("fine", secrets.await(1, WAIT).get(0).data());
    }
}
