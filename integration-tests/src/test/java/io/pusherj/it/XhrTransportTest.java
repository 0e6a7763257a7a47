package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each HTTP fallback transport alone ({@code enabledTransports=[x]}) against the testkit, over 127.0.0.1. */
class XhrTransportTest extends ServerTest {

    record Client(Pusher pusher, ConnectionRecorder rec, VirtualScheduler time) {}

    Client connect(String transport) {
        VirtualScheduler time = new VirtualScheduler();
        Pusher p = client(o -> o.enabledTransports(transport)
                .scheduler(time)
                .pusherJsReconnectTiming()
                .authEndpoint(server.authEndpoint().toString()));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        assertEquals(transport, p.connection().transport().orElseThrow());
        assertEquals(transport, server.awaitConnection(1, WAIT).transport());
        return new Client(p, rec, time);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling"})
    void subscribesAuthorizesAndReceivesEvents(String transport) {
        Client c = connect(transport);
        EventRecorder news = new EventRecorder();
        EventRecorder orders = new EventRecorder();
        c.pusher().subscribe("news", ch -> ch.bind("story", news));
        c.pusher().subscribePrivate("private-orders", ch -> ch.bind("shipped", orders));
        server.awaitSubscriberCount("news", 1, WAIT);
        server.awaitSubscriberCount("private-orders", 1, WAIT);
        for (int i = 0; i < 20; i++) {
            server.publish("news", "story", Integer.toString(i));
        }
        server.publish("private-orders", "shipped", "{\"id\":17}");
        List<PusherEvent> got = news.await(20, WAIT);
        assertEquals(
                IntStream.range(0, 20).mapToObj(Integer::toString).toList(),
                got.stream().map(PusherEvent::data).toList(),
                "in order");
        assertEquals(17, orders.await(1, WAIT).get(0).json().asJsonObject().getInt("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling"})
    void ignoreNullOriginPresentsTheNullOriginOfAPagelessClient(String transport) {
        connect(transport);
        assertEquals(Optional.empty(), server.awaitConnection(1, WAIT).origin(), "no Origin by default");
        Pusher p = client(o -> o.enabledTransports(transport).ignoreNullOrigin(true));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        assertEquals(Optional.of("null"), server.awaitConnection(2, WAIT).origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling"})
    void closeCodesArriveAsCFramesAndFollowTheTable(String transport) {
        Client c = connect(transport);
        ServerConnection first = server.awaitConnection(1, WAIT);
        first.close(4100, "over capacity");
        c.rec().awaitState(CONNECTING, 2, WAIT);
        assertEquals(4100, c.rec().errors().get(0).code().getAsInt());
        assertEquals(List.of(Duration.ofSeconds(1)), c.rec().connectingIn());
        c.time().advanceBy(1_000);
        c.rec().awaitState(CONNECTED, 2, WAIT);
        server.awaitConnection(2, WAIT).close(4001, "gone");
        c.rec().awaitState(DISCONNECTED, WAIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling"})
    void silenceIsDetectedAndTheClientReconnects(String transport) {
        Client c = connect(transport);
        ServerConnection first = server.awaitConnection(1, WAIT);
        first.goSilent();
        long pingAt = c.time().nowMillis() + 120_000;
        c.time().advanceBy(120_000);
        // HTTP transports ping with an empty send, which the server counts as activity but does not answer;
        // wait for the pong timer the ping armed, then let it expire.
        c.time().awaitTaskAt(pingAt + 30_000, WAIT);
        c.time().advanceBy(30_000);
        c.rec().awaitState(CONNECTING, 2, WAIT);
        c.time().runUntilIdle();
        c.rec().awaitState(CONNECTED, 2, WAIT);
        assertTrue(server.connections().size() >= 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling"})
    void aDroppedSessionReconnects(String transport) {
        Client c = connect(transport);
        server.awaitConnection(1, WAIT).drop();
        c.rec().awaitState(CONNECTING, 2, WAIT);
        c.time().advanceBy(1_000);
        c.rec().awaitState(CONNECTED, 2, WAIT);
        EventRecorder ok = new EventRecorder();
        c.pusher().subscribe("after", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        ok.await(1, WAIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling"})
    void anOversizedAnswerToASendFailsTheSessionInsteadOfFillingMemory(String transport) {
        Client c = connect(transport);
        server.faults().answerSendsWith(1024 * 1024); // 16 times what the client reads of an xhr_send answer
        c.pusher().subscribe("news");
        ConnectionError error = c.rec().awaitError(e -> e.message().contains("larger than"), WAIT);
        assertTrue(error.message().contains("65536 bytes"), error.message());
        c.rec().awaitState(CONNECTING, 2, WAIT);
        server.faults().answerSendsWith(0);
        c.time().advanceBy(1_000);
        c.rec().awaitState(CONNECTED, 2, WAIT);
        server.awaitConnection(2, WAIT).awaitSubscribed("news", WAIT);
        EventRecorder news = new EventRecorder();
        c.pusher().channel("news").orElseThrow().bind("story", news);
        server.publish("news", "story", "after");
        assertEquals("after", news.await(1, WAIT).get(0).data());
    }

    /** Subscribes {@code c} to {@code bulk}, its {@code chunk} events going to {@code events}. */
    private ServerConnection subscribedToBulk(Client c, EventRecorder events) {
        c.pusher().subscribe("bulk", ch -> ch.bind("chunk", events));
        ServerConnection conn = server.awaitConnection(1, WAIT);
        server.awaitSubscriberCount("bulk", 1, WAIT);
        return conn;
    }

    @Test
    void theStreamingRequestIsReopenedAfter256KibWithoutLosingOrReorderingEvents() {
        EventRecorder events = new EventRecorder();
        ServerConnection conn = subscribedToBulk(connect("xhr_streaming"), events);
        String payload = "x".repeat(1_000);
        int perRound = 300; // about 300 KiB on the wire: more than one response takes
        int maxRounds = 10;
        // Rounds until the client has reopened its request three times. Not one reopening per round: what
        // the server wrote to a response before the next request reached it stays there, so where a round's
        // events land depends on timing; only the total is certain.
        int rounds = 0;
        while (conn.receiveRequests() < 4 && rounds < maxRounds) {
            for (int i = rounds * perRound; i < (rounds + 1) * perRound; i++) {
                server.publish("bulk", "chunk", i + ":" + payload);
            }
            events.await((rounds + 1) * perRound, WAIT);
            rounds++;
        }
        assertTrue(
                conn.receiveRequests() >= 4,
                "reopened " + (conn.receiveRequests() - 1) + " times in " + rounds + " rounds");
        assertEquals(
                IntStream.range(0, rounds * perRound)
                        .mapToObj(Integer::toString)
                        .toList(),
                events.events().stream()
                        .map(e -> e.data().substring(0, e.data().indexOf(':')))
                        .toList());
    }

    @Test
    void aServerThatRefusesTheReopenedRequestKeepsStreamingOnTheOldOne() {
        server.faults().refuseOverlappingReceives(true); // sockjs-node: c[2010] to the second receive request
        Client c = connect("xhr_streaming");
        EventRecorder events = new EventRecorder();
        ServerConnection conn = subscribedToBulk(c, events);
        String payload = "x".repeat(1_000);
        int n = 400; // about 400 KiB: past the 256 KiB mark, so the client tries to reopen
        for (int i = 0; i < n / 2; i++) {
            server.publish("bulk", "chunk", i + ":" + payload);
        }
        events.await(n / 2, WAIT);
        for (int i = n / 2; i < n; i++) {
            server.publish("bulk", "chunk", i + ":" + payload);
        }
        assertEquals(
                IntStream.range(0, n).mapToObj(Integer::toString).toList(),
                events.await(n, WAIT).stream()
                        .map(e -> e.data().substring(0, e.data().indexOf(':')))
                        .toList());
        assertEquals(2, conn.awaitReceiveRequests(2, WAIT), "one reopen was tried and refused");
        assertEquals(List.of(CONNECTING, CONNECTED), c.rec().states(), "the refusal closed nothing");
        assertTrue(conn.isOpen());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling"})
    void theRestOfTheSessionGoesToTheHostnameTheOpenFrameAnnounces(String transport) {
        server.faults().announceHostname(Optional.of("localhost"));
        Client c = connect(transport);
        EventRecorder events = new EventRecorder();
        c.pusher().subscribePrivate("private-sticky", ch -> ch.bind("news", events));
        server.awaitSubscriberCount("private-sticky", 1, WAIT);
        server.publish("private-sticky", "news", "routed");
        assertEquals("routed", events.await(1, WAIT).get(0).data());

        List<String> hosts = server.awaitConnection(1, WAIT).requestHosts();
        assertEquals(server.host(), hosts.get(0), "the first receive request goes to the configured host");
        assertTrue(
                hosts.size() >= 2 && hosts.subList(1, hosts.size()).stream().allMatch("localhost"::equals),
                "every later request follows the announced hostname: " + hosts);
    }

    /**
     * The hostname comes from the server and goes into every later URL: a malformed one is ignored (and
     * logged), and the session goes on where it is; before, every send after it queued forever.
     */
    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling"})
    void aMalformedHostnameInTheOpenFrameIsIgnoredAndTheSessionStaysWhereItIs(String transport) {
        server.faults().announceHostname(Optional.of("bad host/with path"));
        Client c = connect(transport);
        EventRecorder events = new EventRecorder();
        c.pusher().subscribePrivate("private-sticky", ch -> ch.bind("news", events));
        server.awaitSubscriberCount("private-sticky", 1, WAIT);
        server.publish("private-sticky", "news", "still here");
        assertEquals("still here", events.await(1, WAIT).get(0).data());
        assertTrue(server.awaitConnection(1, WAIT).requestHosts().stream().allMatch(server.host()::equals));
    }
}
