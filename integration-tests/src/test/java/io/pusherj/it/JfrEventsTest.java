package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.Pusher;
import io.pusherj.server.AuthFault;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/**
 * The client's JFR events, read back with a {@link RecordingStream} as {@code jcmd JFR.start} would record
 * them: its state changes, connect attempts, subscriptions, auth requests and inbound overflows, against the
 * test server.
 */
class JfrEventsTest extends ServerTest {
    static final String STATE = "io.pusherj.ConnectionStateChange";
    static final String ATTEMPT = "io.pusherj.ConnectAttempt";
    static final String SUBSCRIPTION = "io.pusherj.Subscription";
    static final String AUTH = "io.pusherj.AuthRequest";
    static final String OVERFLOW = "io.pusherj.InboundOverflow";

    @Test
    void aConnectAndADisconnectAreRecordedAsStateChangesAndOneConnectedAttempt() throws Exception {
        List<RecordedEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch disconnectedRecorded = new CountDownLatch(1);
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable(STATE);
            stream.enable(ATTEMPT);
            stream.onEvent(STATE, e -> {
                events.add(e);
                if (e.getString("current").equals("disconnected")) {
                    disconnectedRecorded.countDown();
                }
            });
            stream.onEvent(ATTEMPT, events::add);
            stream.startAsync();

            Pusher p = client(o -> o.enabledTransports("ws"));
            ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
            p.connect();
            rec.awaitState(CONNECTED, WAIT);
            String socketId = p.connection().socketId().orElseThrow();
            p.disconnect();
            rec.awaitState(DISCONNECTED, WAIT);
            assertTrue(disconnectedRecorded.await(WAIT.toSeconds(), TimeUnit.SECONDS), "recorded: " + events);

            List<RecordedEvent> states = events.stream()
                    .filter(e -> e.getEventType().getName().equals(STATE))
                    .toList();
            assertEquals(
                    List.of("initialized>connecting", "connecting>connected", "connected>disconnected"),
                    states.stream()
                            .map(e -> e.getString("previous") + ">" + e.getString("current"))
                            .toList());
            assertEquals(socketId, states.get(1).getString("socketId"), "the socket id comes with connected");
            assertEquals("", states.get(2).getString("socketId"));

            List<RecordedEvent> attempts = events.stream()
                    .filter(e -> e.getEventType().getName().equals(ATTEMPT))
                    .toList();
            assertEquals(1, attempts.size(), attempts.toString());
            RecordedEvent attempt = attempts.get(0);
            assertEquals("ws", attempt.getString("transport"));
            assertEquals(server.host() + ":" + server.port(), attempt.getString("host"));
            assertEquals("connected", attempt.getString("outcome"));
            assertFalse(
                    attempt.getDuration().isNegative() || attempt.getDuration().isZero(), "timed");
            assertTrue(attempt.getDuration().compareTo(Duration.ofSeconds(30)) < 0, attempt.toString());
        }
    }

    @Test
    void anAuthRequestWithoutAnAnswerIsRecordedAsFailedAtTheAuthTimeout() throws Exception {
        server.faults().authFault("private-slow", AuthFault.slow(Duration.ofSeconds(30)));
        CompletableFuture<RecordedEvent> recorded = new CompletableFuture<>();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable(AUTH);
            stream.onEvent(AUTH, recorded::complete);
            stream.startAsync();

            Pusher p = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                    .endpoint(server.authEndpoint().toString())
                    .timeout(Duration.ofMillis(300))
                    .build()));
            p.connect();
            p.subscribePrivate("private-slow", ch -> {});
            RecordedEvent auth = recorded.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertEquals("private-slow", auth.getString("subject"));
            assertEquals("failed", auth.getString("outcome"));
            assertTrue(auth.getDuration().toMillis() >= 300, "ended at the timeout: " + auth.getDuration());
        }
    }

    @Test
    void aPrivateSubscriptionIsRecordedWithItsAuthorizationAndARefusedOneWithItsStatus() throws Exception {
        server.faults().authFault("private-denied", AuthFault.status(403, "{\"error\":\"no\"}"));
        List<RecordedEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch allEnded = new CountDownLatch(4); // two subscriptions, two auth requests
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable(SUBSCRIPTION);
            stream.enable(AUTH);
            stream.onEvent(SUBSCRIPTION, e -> {
                events.add(e);
                allEnded.countDown();
            });
            stream.onEvent(AUTH, e -> {
                events.add(e);
                allEnded.countDown();
            });
            stream.startAsync();

            Pusher p = client(o -> o.authEndpoint(server.authEndpoint().toString()));
            p.connect();
            p.subscribePrivate("private-orders", ch -> {});
            p.subscribePrivate("private-denied", ch -> {});
            assertTrue(allEnded.await(WAIT.toSeconds(), TimeUnit.SECONDS), "recorded: " + events);
            Map<String, RecordedEvent> subscriptions = byString(events, SUBSCRIPTION, "channel");
            Map<String, RecordedEvent> auths = byString(events, AUTH, "subject");

            assertEquals("succeeded", subscriptions.get("private-orders").getString("outcome"));
            assertEquals("private", subscriptions.get("private-orders").getString("kind"));
            assertEquals("failed", subscriptions.get("private-denied").getString("outcome"));
            assertEquals(403, subscriptions.get("private-denied").getInt("status"));

            assertEquals("authorized", auths.get("private-orders").getString("outcome"));
            assertEquals("endpoint", auths.get("private-orders").getString("handler"));
            assertEquals("failed", auths.get("private-denied").getString("outcome"));
            assertEquals(403, auths.get("private-denied").getInt("status"));
            assertTrue(
                    subscriptions
                                    .get("private-orders")
                                    .getDuration()
                                    .compareTo(auths.get("private-orders").getDuration())
                            >= 0,
                    "a subscription's time includes its authorization's");
        }
    }

    @Test
    void listenersFallingBehindPastTheLimitAreRecordedAsAnOverflow() throws Exception {
        List<RecordedEvent> overflows = new CopyOnWriteArrayList<>();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService listeners = Executors.newSingleThreadExecutor();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable(OVERFLOW);
            stream.onEvent(OVERFLOW, e -> {
                overflows.add(e);
                recorded.countDown();
            });
            stream.startAsync();

            // Listeners on an executor of their own, so holding one holds neither the socket's reads nor the
            // strand: the first event holds it until the overflow is recorded, and frames pile up behind it.
            Pusher p = client(o ->
                    o.enabledTransports("ws").maxQueuedInboundChars(1L << 20).callbackExecutor(listeners));
            p.subscribe("burst", ch -> ch.bind("tick", e -> awaitQuietly(release)));
            p.connect();
            server.awaitSubscriberCount("burst", 1, WAIT);
            ServerConnection conn = server.awaitConnection(1, WAIT);
            try {
                conn.flood("burst", "tick", 30, i -> i + ":" + "x".repeat(100_000), 4); // 3 MB against 1 Mi chars
            } catch (IllegalStateException e) {
                // Expected: the client drops the connection in the middle of the flood.
            }
            try {
                assertTrue(recorded.await(WAIT.toSeconds(), TimeUnit.SECONDS), "no overflow recorded");
            } finally {
                release.countDown();
            }
            assertEquals("ws", overflows.get(0).getString("transport"));
            assertEquals(1L << 20, overflows.get(0).getLong("limitChars"));
        } finally {
            listeners.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, RecordedEvent> byString(List<RecordedEvent> events, String type, String field) {
        return events.stream()
                .filter(e -> e.getEventType().getName().equals(type))
                .collect(Collectors.toMap(e -> e.getString(field), e -> e, (a, b) -> a));
    }
}
