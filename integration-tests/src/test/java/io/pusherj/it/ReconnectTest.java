package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static io.pusherj.api.ConnectionState.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drops, silence and refusals over real sockets (ws), with the client's timers on virtual time: the test
 * decides when a retry delay has passed, so nothing waits for wall-clock seconds. Close codes over every
 * transport: {@link CloseCodeTest}; network faults: {@link FaultInjectionTest}.
 */
class ReconnectTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    PusherTestServer server;
    VirtualScheduler time;
    Pusher pusher;
    ConnectionRecorder rec;

    @BeforeEach
    void start() {
        server = testServers.server();
        time = new VirtualScheduler();
        // pusher-js's delays to the millisecond; backoff and jitter: ReconnectBackoffTest.
        pusher = testServers.track(Pusher.create(
                server.appKey(),
                server.clientOptions()
                        .autoConnect(false)
                        .scheduler(time)
                        .pusherJsReconnectTiming()
                        .build()));
        rec = ConnectionRecorder.attach(pusher.connection());
    }

    private ServerConnection connectFirst() {
        pusher.connect();
        rec.awaitState(CONNECTED, WAIT);
        return server.awaitConnection(1, WAIT);
    }

    @Test
    void serverDropReconnectsAfterOneSecondAndResubscribes() {
        EventRecorder events = new EventRecorder();
        pusher.subscribe("news").bind("story", events);
        ServerConnection first = connectFirst();
        first.awaitFrameContaining("pusher:subscribe", WAIT);

        first.drop();
        rec.awaitState(CONNECTING, 2, WAIT);
        assertEquals(List.of(Duration.ofSeconds(1)), rec.connectingIn());
        assertEquals(1, server.connections().size(), "no reconnect before the back-off delay");

        time.advanceBy(1_000);
        rec.awaitState(CONNECTED, 2, WAIT);
        ServerConnection second = server.awaitConnection(2, WAIT);
        second.awaitFrameContaining("\"channel\":\"news\"", WAIT);
        server.awaitSubscriberCount("news", 1, WAIT);
        server.publish("news", "story", "{\"n\":1}");

        events.await(1, WAIT);
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), rec.states());
        assertNotEquals(first.socketId(), pusher.connection().socketId().orElseThrow());
    }

    @Test
    void code4000SwitchesToTlsForGood() {
        pusher.close();
        pusher = testServers.track(Pusher.create(
                server.appKey(),
                server.clientOptions()
                        .autoConnect(false)
                        .scheduler(time)
                        .pusherJsReconnectTiming()
                        .wssPort(1)
                        .build()));
        rec = ConnectionRecorder.attach(pusher.connection());
        connectFirst().close(4000, "TLS only");
        rec.awaitState(CONNECTING, 2, WAIT);
        time.runUntilIdle();
        // The next attempt goes to wss://host:wssPort, which nothing serves here.
        ConnectionError tlsAttempt = rec.awaitError(e -> e.type() == ConnectionError.Type.TRANSPORT_ERROR, WAIT);
        assertTrue(tlsAttempt.message().contains("127.0.0.1:1"), tlsAttempt.message());
        assertEquals(1, server.connections().size());
    }

    @Test
    void silentServerIsDetectedByThePongTimeout() {
        ServerConnection first = connectFirst();
        first.goSilent();

        time.advanceBy(120_000);
        first.awaitFrame(f -> f.equals("{\"event\":\"pusher:ping\",\"data\":{}}"), WAIT);
        time.advanceBy(29_999);
        assertEquals(List.of(CONNECTING, CONNECTED), rec.states(), "still waiting for the pong");
        time.advanceBy(1);
        rec.awaitState(CONNECTING, 2, WAIT);
        time.runUntilIdle();
        rec.awaitState(CONNECTED, 2, WAIT);
        assertEquals(2, server.connections().size());
    }

    @Test
    void serverActivityTimeoutShorterThanOursWins() {
        server.activityTimeoutSeconds(30);
        ServerConnection first = connectFirst();
        time.advanceBy(30_000);
        first.awaitFrameContaining("pusher:ping", WAIT);
        // The test server answers with pusher:pong, so the connection stays up.
        first.awaitFrameContaining("pusher:ping", WAIT);
        assertEquals(List.of(CONNECTING, CONNECTED), rec.states());
    }

    @Test
    void serverPingIsAnsweredWithPong() {
        ServerConnection first = connectFirst();
        first.sendPing();
        assertEquals("{\"event\":\"pusher:pong\",\"data\":{}}", first.awaitFrameContaining("pusher:pong", WAIT));
    }

    @Test
    void refusedConnectionsGoUnavailableThenConnectWhenTheServerIsBack() {
        server.faults().refuseConnections(true);
        pusher.connect();
        rec.awaitError(e -> e.type() == ConnectionError.Type.TRANSPORT_ERROR, WAIT);

        time.advanceBy(10_000);
        rec.awaitState(UNAVAILABLE, WAIT);
        server.faults().refuseConnections(false);
        time.advanceBy(5_000); // the ws loop's first 15 s budget ends; the next attempt starts
        rec.awaitState(CONNECTED, WAIT);
        assertEquals(
                List.of(CONNECTING, UNAVAILABLE, CONNECTED),
                rec.states(),
                "the Channels docs' unavailable -> connected");
    }
}
