package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pusher-js's fallback, end to end over TLS on 127.0.0.1 with the strategy timers on virtual time:
 * WebSocket blocked → xhr_streaming after 2 s; streaming blocked too → polling 4 s later (docs/protocol.md §10.3).
 */
class FallbackTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    PusherTestServer server;
    VirtualScheduler time;
    Pusher pusher;
    ConnectionRecorder rec;

    @BeforeEach
    void start() {
        server = testServers.track(PusherTestServer.builder().tls(true).start());
        time = new VirtualScheduler();
        pusher = testServers.track(Pusher.create(
                server.appKey(),
                server.clientOptions()
                        .forceTLS(true)
                        .autoConnect(false)
                        .scheduler(time)
                        .build()));
        rec = ConnectionRecorder.attach(pusher.connection());
    }

    private void connectAndAwaitTheWebSocketFailure() {
        pusher.connect();
        rec.awaitError(
                e -> e.type() == ConnectionError.Type.TRANSPORT_ERROR
                        && e.transport().orElse("").equals("ws"),
                WAIT);
    }

    @Test
    void webSocketBlockedConnectsOverStreamingAfterTwoSeconds() {
        server.faults().blockTransport("ws", true);
        connectAndAwaitTheWebSocketFailure();
        time.advanceBy(1_999);
        assertEquals(0, server.connections().size());
        time.advanceBy(1);
        rec.awaitState(CONNECTED, WAIT);
        assertTrue(time.nowMillis() <= 2_500, "connected at " + time.nowMillis() + " ms");
        assertEquals("xhr_streaming", pusher.connection().transport().orElseThrow());
        assertTrue(server.awaitConnection(1, WAIT).isSecure());
        assertFalse(rec.states().contains(UNAVAILABLE));

        EventRecorder news = new EventRecorder();
        pusher.subscribe("news", c -> c.bind("story", news));
        server.awaitSubscriberCount("news", 1, WAIT);
        server.publish("news", "story", "over https");
        assertEquals("over https", news.await(1, WAIT).get(0).data());
    }

    @Test
    void aRememberedStreamingTransportGoesFirstOnceWebSocketHadItsChances() {
        server.faults().blockTransport("ws", true);
        // The first connection stores streaming; the next four each count a skip (WebSocket gets its
        // chance first); with more than three skips, the sixth goes straight to streaming (pusher-js).
        for (int i = 1; i <= 5; i++) {
            long start = time.nowMillis();
            pusher.connect();
            time.awaitTaskAt(start + 2_000, WAIT); // the HTTP fallback's delay is armed
            time.advanceBy(2_000);
            rec.awaitState(CONNECTED, i, WAIT);
            assertEquals("xhr_streaming", pusher.connection().transport().orElseThrow());
            pusher.disconnect();
            rec.awaitState(ConnectionState.DISCONNECTED, i, WAIT);
        }
        long before = time.nowMillis();
        pusher.connect();
        rec.awaitState(CONNECTED, 6, WAIT);
        assertEquals(before, time.nowMillis(), "no 2 s wait: the cached transport was tried first");
        assertEquals("xhr_streaming", pusher.connection().transport().orElseThrow());
    }

    @Test
    void streamingBlockedTooConnectsOverPollingFourSecondsLater() {
        server.faults().blockTransport("ws", true);
        server.faults().blockTransport("xhr_streaming", true);
        connectAndAwaitTheWebSocketFailure();
        time.advanceBy(2_000);
        rec.awaitError(e -> e.transport().orElse("").equals("xhr_streaming"), WAIT);
        time.advanceBy(3_999);
        assertTrue(rec.states().stream().noneMatch(s -> s == CONNECTED));
        time.advanceBy(1);
        rec.awaitState(CONNECTED, WAIT);
        assertEquals("xhr_polling", pusher.connection().transport().orElseThrow());
        assertEquals(6_000, time.nowMillis());
        assertFalse(rec.states().contains(UNAVAILABLE));
    }
}
