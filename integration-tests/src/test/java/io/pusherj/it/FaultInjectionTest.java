package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static io.pusherj.api.ConnectionState.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.FaultProxy;
import io.pusherj.testkit.VirtualScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults of the network and the server between client and server, injected by a TCP proxy, over each
 * transport alone (the client's timers on virtual time). The client has a public and a private channel
 * and a signed-in user; each scenario checks the exact states, that every channel is subscribed again with
 * fresh auth and the user signed in again, and that every event published while connected arrives once.
 * The client runs with pusher-js's reconnect timing, so the delays are asserted to the millisecond;
 * backoff and jitter have their own tests (ReconnectBackoffTest, ConnectionManagerTest).
 */
@ParameterizedClass(name = "over {0}")
@ValueSource(strings = {"ws", "xhr_streaming", "xhr_polling"})
class FaultInjectionTest extends ServerTest {
    /** The most virtual time a scenario may step through while waiting for the client to recover. */
    private static final long RECOVERY_LIMIT_MILLIS = 300_000;
    /** Real time an attempt gets to connect over 127.0.0.1 before virtual time moves on. */
    private static final Duration ATTEMPT_WAIT = Duration.ofSeconds(2);

    @Parameter
    String transport;

    private final VirtualScheduler time = new VirtualScheduler();
    private final EventRecorder stories = new EventRecorder();
    private final EventRecorder orders = new EventRecorder();
    private final Semaphore signins = new Semaphore(0);
    private final List<Integer> published = Collections.synchronizedList(new ArrayList<>());
    private FaultProxy proxy;
    private Pusher pusher;
    private ConnectionRecorder rec;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.to(server.port());
    }

    @AfterEach
    void stopProxy(TestInfo test) {
        proxy.close();
        // For RELIABILITY.md: the assertions check these are equal; the report shows how many there were.
        System.out.printf(
                "%s over %s: %d stories published while connected, %d received%n",
                test.getTestMethod().orElseThrow().getName(),
                transport,
                published.size(),
                stories.events().stream()
                        .filter(e -> e.data().matches("\\d+"))
                        .count()); // the corrupted and the cut story are not counted
    }

    /**
     * A client connected through the proxy, with {@code news}, {@code private-orders} and a signed-in
     * user, once every frame the server sent for them has reached it (a frame still in flight when a fault
     * starts would be real proof of life, and one handled late would re-arm the activity timer).
     */
    private void connectedThroughProxy() {
        connectedThroughProxy(o -> o);
    }

    private void connectedThroughProxy(UnaryOperator<PusherOptions.Builder> extra) {
        Pusher p = pusher = client(o -> extra.apply(o)
                .wsPort(proxy.port())
                .httpPort(proxy.port())
                .enabledTransports(transport)
                .scheduler(time)
                .pusherJsReconnectTiming()
                .authEndpoint(server.authEndpoint().toString())
                .userAuthentication(AuthOptions.forUsers()
                        .endpoint(server.userAuthEndpoint().toString())
                        .param("user_id", "ada")
                        .build()));
        rec = ConnectionRecorder.attach(p.connection());
        p.user().onSignin(id -> signins.release());
        p.subscribe("news", c -> c.bind("story", stories));
        p.subscribePrivate("private-orders", c -> c.bind("shipped", orders));
        p.signin(); // which subscribes to #server-to-user-ada
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        ServerConnection conn = server.awaitConnection(1, WAIT);
        List.of("news", "private-orders", "#server-to-user-ada").forEach(c -> conn.awaitSubscribed(c, WAIT));
        awaitSignin();
        // Frames keep their order: once this story is in, so is every frame the server sent before it.
        publishStory(server);
        stories.await(1, WAIT);
    }

    /** Waits for the next sign-in the client reports. */
    private void awaitSignin() {
        try {
            assertTrue(signins.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS), "no sign-in within " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void publishStory(PusherTestServer at) {
        int n = published.size();
        published.add(n);
        at.publish("news", "story", Integer.toString(n));
    }

    /**
     * After a fault: connected again to {@code at}, subscribed to both
     * channels again (the private one with a fresh signature: the server checks it against the new socket
     * id), signed in again, the states exactly {@code states}, and every story published while connected
     * received once, in order.
     */
    private void assertRecovered(PusherTestServer at, List<ConnectionState> states) {
        rec.awaitState(CONNECTED, 2, WAIT);
        // Not simply the next connection: an attempt a timer aborted may have reached the server first.
        String socketId = pusher.connection().socketId().orElseThrow();
        ServerConnection replacement = at.connections().stream()
                .filter(c -> c.socketId().equals(socketId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the server has no connection " + socketId));
        replacement.awaitSubscribed("news", WAIT);
        replacement.awaitSubscribed("private-orders", WAIT);
        awaitSignin();
        assertEquals(Optional.of("ada"), replacement.signedInUserId());
        publishStory(at);
        at.publish("private-orders", "shipped", "{\"id\":1}");
        List<PusherEvent> got = stories.await(published.size(), WAIT);
        assertEquals(1, orders.await(1, WAIT).size());
        assertEquals(
                published.stream().map(String::valueOf).toList(),
                got.stream().map(PusherEvent::data).toList(),
                "every story published while connected, once, in order");
        assertEquals(states, rec.states());
        assertTrue(
                rec.errors().stream().noneMatch(e -> e.type() == ConnectionError.Type.MESSAGE_PARSE_ERROR),
                "no half frame was taken for a frame: " + rec.errors());
    }

    private static final List<ConnectionState> REPLACED = List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED);

    /** Steps virtual time from timer to timer (armed by real I/O at times a test cannot predict) for {@code millis}. */
    private void stepTimersFor(long millis) {
        long end = time.nowMillis() + millis;
        while (time.nowMillis() < end) {
            time.advanceBy(Math.min(time.awaitNextTask(WAIT), end - time.nowMillis()));
        }
    }

    /**
     * Steps virtual time from timer to timer until the client is connected again, giving the attempt a
     * timer may have started {@link #ATTEMPT_WAIT} of real time to connect before the next timer could
     * abort it.
     */
    private void stepTimersUntilReconnected() {
        long start = time.nowMillis();
        while (!rec.reachedState(CONNECTED, 2, ATTEMPT_WAIT)) {
            assertTrue(
                    time.nowMillis() - start <= RECOVERY_LIMIT_MILLIS,
                    "not recovered after " + (time.nowMillis() - start) + " ms of virtual time; states "
                            + rec.states());
            time.advanceBy(time.awaitNextTask(WAIT));
        }
    }

    @Test
    void aHalfOpenConnectionIsFoundByTheActivityCheckAndReplaced() {
        connectedThroughProxy();
        proxy.blackHoleAll(); // both directions stop; the sockets stay open
        // Timers fire on virtual time, but what they trigger runs on the client's strand: wait for each
        // timer to exist before moving the clock past it.
        time.awaitTaskAt(120_000, WAIT);
        time.advanceBy(120_000); // the activity timeout: the client pings into the void
        time.awaitTaskAt(150_000, WAIT);
        time.advanceBy(30_000); // the pong timeout: the client gives the connection up and retries at once
        stepTimersUntilReconnected();
        assertRecovered(server, REPLACED);
    }

    @Test
    void aResetConnectionIsReplacedAfterOneSecond() {
        connectedThroughProxy();
        proxy.resetAll();
        rec.awaitState(CONNECTING, 2, WAIT);
        time.awaitTaskAt(1_000, WAIT);
        time.advanceBy(1_000); // pusher-js reconnects 1 s after an unclean close
        assertRecovered(server, REPLACED);
        assertEquals(List.of(Duration.ofSeconds(1)), rec.connectingIn());
    }

    @Test
    void aCrashedAndRestartedServerGetsEverythingBackAfterOneSecond() {
        connectedThroughProxy();
        proxy.resetAll(); // the crash, as the client sees it
        rec.awaitState(CONNECTING, 2, WAIT);
        int port = server.port();
        server.close();
        server = testServers.track(
                PusherTestServer.builder().port(port).start()); // nothing of the old one's state survives
        time.awaitTaskAt(1_000, WAIT);
        time.advanceBy(1_000);
        assertRecovered(server, REPLACED);
    }

    @Test
    void aServerShuttingDownGracefullyWith4200IsLeftAtOnce() {
        connectedThroughProxy();
        server.closeAll(4200, "going away");
        rec.awaitState(CONNECTING, 2, WAIT);
        time.runUntilIdle(); // no delay: the retry is due now
        assertRecovered(server, REPLACED);
        assertEquals(List.of(), rec.connectingIn(), "no connecting_in for a reconnect at once");
        assertEquals(4200, rec.errors().get(0).code().getAsInt());
    }

    @Test
    void aNetworkThatRefusesFor30SecondsMakesTheClientUnavailableThenConnectedNeverFailed() {
        connectedThroughProxy();
        proxy.refuseNew(true);
        proxy.resetAll();
        rec.awaitState(CONNECTING, 2, WAIT);
        time.awaitTaskAt(1_000, WAIT);
        time.advanceBy(1_000); // the first retry, refused
        time.awaitTaskAt(11_000, WAIT); // armed by that retry: 10 s in connecting make the client unavailable
        stepTimersFor(29_000); // later retries, all refused
        rec.awaitState(UNAVAILABLE, WAIT); // a timer's work runs on the client's strand, after the clock moved
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, UNAVAILABLE), rec.states(), "retrying, not failed");
        proxy.refuseNew(false);
        stepTimersUntilReconnected();
        assertRecovered(server, List.of(CONNECTING, CONNECTED, CONNECTING, UNAVAILABLE, CONNECTED));
    }

    @Test
    void aServerActivityTimeoutShorterThanOursKeepsAnIdleConnectionUpWithPings() {
        server.activityTimeoutSeconds(30); // ours is 120 s
        // A 20 s pong timeout, so the pong timer and the next activity timer are never due at the same time.
        connectedThroughProxy(o -> o.pongTimeout(Duration.ofSeconds(20)));
        ServerConnection conn = server.awaitConnection(1, WAIT);
        // xhr_streaming answers every heartbeat from the server with one of its own (docs/protocol.md §11.4).
        int heartbeatsPerRound = transport.equals("xhr_streaming") ? 2 : 1;
        for (int i = 1; i <= 3; i++) { // idle for three times the server's value
            long pingAt = time.nowMillis() + 30_000;
            time.awaitTaskAt(pingAt, WAIT);
            time.advanceBy(30_000); // the client pings
            if (transport.equals("ws")) {
                int pings = i;
                conn.awaitFrame(f -> countPings(conn) >= pings, WAIT); // the test server answers pusher:pong
            } else {
                conn.awaitClientHeartbeats((i - 1) * heartbeatsPerRound + 1, WAIT); // the ping: an empty send
                conn.sendHeartbeat(); // a SockJS server's heartbeat, due every 25 s, is the reply
                conn.awaitClientHeartbeats(i * heartbeatsPerRound, WAIT);
            }
            time.awaitTaskAt(pingAt + 30_000, WAIT); // the reply re-armed the activity timer
        }
        assertEquals(
                transport.equals("ws") ? 3 : 3 * heartbeatsPerRound,
                transport.equals("ws") ? countPings(conn) : conn.clientHeartbeats());
        assertEquals(1, server.connections().size(), "never reconnected");
        publishStory(server);
        assertEquals(published.size(), stories.await(published.size(), WAIT).size());
        assertEquals(List.of(CONNECTING, CONNECTED), rec.states());
    }

    private static long countPings(ServerConnection conn) {
        return conn.receivedFrames().stream()
                .filter(f -> f.contains("\"pusher:ping\""))
                .count();
    }

    @Test
    void aConnectionCutInTheMiddleOfAFrameDeliversNoPartOfItAndIsReplaced() {
        connectedThroughProxy();
        proxy.cutDownstreamAfter(30_000);
        server.publish("news", "story", "x".repeat(100_000)); // cut about a third of the way in
        rec.awaitState(CONNECTING, 2, WAIT);
        time.awaitTaskAt(1_000, WAIT);
        time.advanceBy(1_000);
        assertRecovered(server, REPLACED); // the cut story is not among the stories received
    }

    @Test
    void aSlowAndThrottledNetworkDeliversEverythingInOrderWithoutAReconnect() {
        connectedThroughProxy();
        proxy.delay(Duration.ofMillis(20));
        proxy.throttle(256 * 1024);
        String big = "y".repeat(200_000); // about 0.8 s at the throttled rate
        IntStream.range(0, 5).forEach(i -> publishStory(server));
        server.publish("private-orders", "shipped", big);
        IntStream.range(0, 5).forEach(i -> publishStory(server));
        assertEquals(big, orders.await(1, WAIT).get(0).data());
        List<PusherEvent> got = stories.await(published.size(), WAIT);
        assertEquals(
                published.stream().map(String::valueOf).toList(),
                got.stream().map(PusherEvent::data).toList());
        EventRecorder late = new EventRecorder(); // a round trip through the slow network
        pusher.subscribe("late", c -> c.bind(EventNames.SUBSCRIPTION_SUCCEEDED, late));
        late.await(1, WAIT);
        assertEquals(List.of(CONNECTING, CONNECTED), rec.states());
    }

    /**
     * Bytes that are not UTF-8 in an event, handled as a browser would: WebSocket must fail the connection
     * (RFC 6455, close code 1007), so the client reconnects; the HTTP fallbacks decode them to U+FFFD and
     * deliver the event, so nothing the server queued behind it is lost.
     */
    @Test
    void anEventWithInvalidUtf8IsHandledAsABrowserWould() {
        connectedThroughProxy();
        // "CORRUPT" becomes bytes that are not UTF-8: a lone continuation byte and a cut-off sequence.
        proxy.corruptDownstream(
                "CORRUPT".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'b', 'a', 'd', (byte) 0x80, (byte) 0xE2, (byte) 0x82, '!'});
        server.publish("news", "story", "CORRUPT");
        if (transport.equals("ws")) {
            rec.awaitState(CONNECTING, 2, WAIT);
            assertEquals(1007, rec.errors().get(0).code().getAsInt());
            stepTimersUntilReconnected();
            assertRecovered(server, REPLACED); // the corrupt story is not among the stories received
        } else {
            PusherEvent bad = stories.await(2, WAIT).get(1);
            assertEquals("bad\uFFFD\uFFFD!", bad.data());
            publishStory(server);
            List<PusherEvent> got = stories.await(3, WAIT);
            assertEquals(
                    List.of("0", "bad\uFFFD\uFFFD!", "1"),
                    got.stream().map(PusherEvent::data).toList());
            assertEquals(List.of(CONNECTING, CONNECTED), rec.states());
        }
    }
}
