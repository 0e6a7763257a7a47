package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.Pusher;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SockJS transport alone, over Spring's WebSocket transport and, when that is blocked, its XHR one. */
class SockJsTransportTest extends ServerTest {

    record Connected(ConnectionRecorder rec, VirtualScheduler time) {}

    /** A client on the sockjs transport alone, its timers on virtual time, connected. */
    Connected connectOnVirtualTime(boolean blockSockJsWebSocket) {
        server.faults().blockTransport("sockjs-websocket", blockSockJsWebSocket);
        VirtualScheduler time = new VirtualScheduler();
        Pusher p = client(o -> o.enabledTransports("sockjs").scheduler(time).pusherJsReconnectTiming());
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        return new Connected(rec, time);
    }

    @ParameterizedTest(name = "SockJS websocket blocked: {0}")
    @ValueSource(booleans = {false, true})
    void connectsSubscribesAndReceivesEvents(boolean blockSockJsWebSocket) {
        server.faults().blockTransport("sockjs-websocket", blockSockJsWebSocket);
        Pusher p = client(o ->
                o.enabledTransports("sockjs").authEndpoint(server.authEndpoint().toString()));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        EventRecorder news = new EventRecorder();
        EventRecorder orders = new EventRecorder();
        p.subscribe("news", c -> c.bind("story", news));
        p.subscribePrivate("private-orders", c -> c.bind("shipped", orders));
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        assertEquals("sockjs", p.connection().transport().orElseThrow());
        ServerConnection conn = server.awaitConnection(1, WAIT);
        assertEquals("sockjs", conn.transport());
        assertEquals(true, conn.requestUri().startsWith("/app/app-key?protocol=7&client=java-pusherj"));
        server.awaitSubscriberCount("news", 1, WAIT);
        server.awaitSubscriberCount("private-orders", 1, WAIT);
        server.publish("news", "story", "over sockjs");
        server.publish("private-orders", "shipped", "{\"id\":1}");
        assertEquals("over sockjs", news.await(1, WAIT).get(0).data());
        assertEquals(1, orders.await(1, WAIT).get(0).json().asJsonObject().getInt("id"));
    }

    @ParameterizedTest(name = "SockJS websocket blocked: {0}")
    @ValueSource(booleans = {false, true})
    void closeCodesFollowTheTable(boolean blockSockJsWebSocket) {
        Connected c = connectOnVirtualTime(blockSockJsWebSocket);
        VirtualScheduler time = c.time();
        ConnectionRecorder rec = c.rec();
        server.awaitConnection(1, WAIT).close(4100, "over capacity");
        rec.awaitState(CONNECTING, 2, WAIT);
        assertEquals(4100, rec.errors().get(0).code().getAsInt());
        time.advanceBy(1_000);
        rec.awaitState(CONNECTED, 2, WAIT);
        server.awaitConnection(2, WAIT).close(4001, "gone");
        rec.awaitState(DISCONNECTED, WAIT);
    }

    @ParameterizedTest(name = "SockJS websocket blocked: {0}")
    @ValueSource(booleans = {false, true})
    void aSilentServerIsDetectedByThePingAndTheClientReconnects(boolean blockSockJsWebSocket) {
        Connected c = connectOnVirtualTime(blockSockJsWebSocket);
        VirtualScheduler time = c.time();
        ConnectionRecorder rec = c.rec();
        ServerConnection first = server.awaitConnection(1, WAIT);
        first.goSilent();
        time.advanceBy(120_000);
        first.awaitFrameContaining("pusher:ping", WAIT);
        time.advanceBy(30_000);
        rec.awaitState(CONNECTING, 2, WAIT);
        time.runUntilIdle();
        rec.awaitState(CONNECTED, 2, WAIT);
    }

    @ParameterizedTest(name = "SockJS websocket blocked: {0}")
    @ValueSource(booleans = {false, true})
    void aMessageOverTheLimitDropsTheConnectionAndIsNeverDelivered(boolean blockSockJsWebSocket) {
        server.faults().blockTransport("sockjs-websocket", blockSockJsWebSocket);
        Pusher p = client(o -> o.enabledTransports("sockjs"));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        EventRecorder news = new EventRecorder();
        p.subscribe("news", c -> c.bind("story", news));
        p.connect();
        server.awaitConnection(1, WAIT).awaitSubscribed("news", WAIT);
        server.awaitConnection(1, WAIT)
                .sendRaw("{\"event\":\"story\",\"channel\":\"news\",\"data\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}");
        rec.awaitState(CONNECTED, 2, WAIT);
        server.awaitConnection(2, WAIT).awaitSubscribed("news", WAIT);
        server.publish("news", "story", "after");
        assertEquals("after", news.await(1, WAIT).get(0).data(), "the oversized event was never delivered");
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), rec.states());
    }
}
