package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.RestClient;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Public and cache channels end to end, with events published through the HTTP API. */
class PublicChannelTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    PusherTestServer server;
    RestClient rest;
    Pusher pusher;
    ConnectionRecorder rec;

    @BeforeEach
    void start() {
        server = testServers.server();
        rest = RestClient.forServer(server);
        pusher = testServers.track(Pusher.create(
                server.appKey(), server.clientOptions().autoConnect(false).build()));
        rec = ConnectionRecorder.attach(pusher.connection());
    }

    private Channel subscribed(String name) {
        Channel channel = pusher.subscribe(name);
        EventRecorder ok = new EventRecorder();
        channel.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        pusher.connect();
        ok.await(1, WAIT);
        return channel;
    }

    @Test
    void subscribeBeforeConnectThenReceiveAnEventPublishedThroughTheHttpApi() {
        Channel news = subscribed("news");
        EventRecorder stories = new EventRecorder();
        news.bind("story", stories);
        assertTrue(news.isSubscribed());
        ServerConnection conn = server.awaitConnection(1, WAIT);
        assertEquals(
                "{\"event\":\"pusher:subscribe\",\"data\":{\"auth\":\"\",\"channel\":\"news\"}}",
                conn.awaitFrameContaining("pusher:subscribe", WAIT));

        RestClient.Result result = rest.trigger("news", "story", "{\"id\":17,\"title\":\"hello\"}");
        assertEquals(200, result.status(), result.body());

        PusherEvent e = stories.await(1, WAIT).get(0);
        assertEquals("story", e.eventName());
        assertEquals("news", e.channelName().orElseThrow());
        assertEquals("{\"id\":17,\"title\":\"hello\"}", e.data());
        assertEquals(17, e.json().asJsonObject().getInt("id"));
        assertTrue(e.userId().isEmpty());
    }

    @Test
    void dataThatIsNotJsonStaysAString() {
        Channel news = subscribed("news");
        EventRecorder stories = new EventRecorder();
        news.bind("story", stories);
        rest.trigger("news", "story", "plain text");
        PusherEvent e = stories.await(1, WAIT).get(0);
        assertEquals("plain text", e.data());
        assertEquals("plain text", ((JsonString) e.json()).getString());
    }

    @Test
    void subscribeWhileConnectedAndGlobalBindingsSeeEveryChannelEvent() {
        pusher.connect();
        rec.awaitState(CONNECTED, WAIT);
        EventRecorder global = new EventRecorder();
        pusher.bindGlobal(global);
        EventRecorder channelGlobal = new EventRecorder();
        pusher.subscribe("a", a -> a.bindGlobal(channelGlobal));
        pusher.subscribe("b");
        server.awaitSubscriberCount("a", 1, WAIT);
        server.awaitSubscriberCount("b", 1, WAIT);

        rest.trigger(List.of("a", "b"), "ping", "1");
        List<PusherEvent> pings = global.await(e -> e.eventName().equals("ping"), 2, WAIT);
        assertEquals(
                List.of("a", "b"),
                pings.stream().map(e -> e.channelName().orElseThrow()).sorted().toList());
        assertTrue(
                channelGlobal.events().stream().anyMatch(e -> e.eventName().equals(EventNames.SUBSCRIPTION_SUCCEEDED)));
        assertTrue(
                global.events().stream().noneMatch(e -> e.eventName().startsWith("pusher_internal:")),
                "internal events never reach the application");
    }

    @Test
    void unsubscribeStopsDeliveryAndTellsTheServer() {
        Channel news = subscribed("news");
        EventRecorder stories = new EventRecorder();
        news.bind("story", stories);
        pusher.unsubscribe("news");
        ServerConnection conn = server.awaitConnection(1, WAIT);
        assertEquals(
                "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"news\"}}",
                conn.awaitFrameContaining("pusher:unsubscribe", WAIT));
        server.awaitSubscriberCount("news", 0, WAIT);
        assertTrue(pusher.channel("news").isEmpty());
        assertFalse(news.isSubscribed());
    }

    @Test
    void subscribingTwiceReturnsTheSameChannelAndSubscribesOnce() {
        Channel first = pusher.subscribe("news");
        Channel second = pusher.subscribe("news");
        assertTrue(first == second);
        pusher.connect();
        server.awaitSubscriberCount("news", 1, WAIT);
        ServerConnection conn = server.awaitConnection(1, WAIT);
        conn.awaitFrameContaining("pusher:subscribe", WAIT);
        pusher.subscribe("news");
        pusher.subscribe("other");
        conn.awaitFrameContaining("\"other\"", WAIT);
        assertEquals(
                1,
                conn.receivedFrames().stream()
                        .filter(f -> f.contains("\"news\""))
                        .count());
    }

    @Test
    void cacheChannelDeliversTheLastEventToALaterSubscriber() {
        subscribed("cache-prices");
        assertEquals(1, server.publish("cache-prices", "price", "{\"eur\":3}"));

        Pusher late = Pusher.create(
                server.appKey(), server.clientOptions().autoConnect(false).build());
        try {
            EventRecorder cached = new EventRecorder();
            late.subscribe("cache-prices").bind("price", cached);
            late.connect();
            assertEquals("{\"eur\":3}", cached.await(1, WAIT).get(0).data());
        } finally {
            late.close();
        }
    }

    @Test
    void bindingInTheSetupOfSubscribeNeverMissesTheFirstEventsWhileConnected() {
        server.publish("cache-rates", "rate", "{\"v\":1}");
        pusher.connect();
        rec.awaitState(CONNECTED, WAIT);
        for (int i = 0; i < 50; i++) {
            server.publish("cache-rate-" + i, "rate", Integer.toString(i));
            EventRecorder ok = new EventRecorder();
            EventRecorder cached = new EventRecorder();
            pusher.subscribe("cache-rate-" + i, c -> {
                c.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
                c.bind("rate", cached);
            });
            ok.await(1, WAIT);
            assertEquals(Integer.toString(i), cached.await(1, WAIT).get(0).data());
        }
    }

    @Test
    void cacheMissIsDeliveredOnTheChannel() {
        Channel prices = pusher.subscribe("cache-empty");
        EventRecorder misses = new EventRecorder();
        prices.bind(EventNames.CACHE_MISS, misses);
        pusher.connect();
        PusherEvent miss = misses.await(1, WAIT).get(0);
        assertEquals("cache-empty", miss.channelName().orElseThrow());
    }

    @Test
    void subscriptionCountIsStoredAndEmitted() {
        Channel room = pusher.subscribe("room");
        EventRecorder counts = new EventRecorder();
        room.bind(EventNames.SUBSCRIPTION_COUNT, counts);
        pusher.connect();
        counts.await(1, WAIT);
        Pusher other = Pusher.create(server.appKey(), server.clientOptions().build());
        try {
            other.subscribe("room");
            PusherEvent two = counts.await(e -> e.json().asJsonObject().getInt("subscription_count") == 2, 1, WAIT)
                    .get(0);
            assertEquals(EventNames.SUBSCRIPTION_COUNT, two.eventName());
            assertEquals(2, room.subscriptionCount().getAsInt());
        } finally {
            other.close();
        }
    }

    @Test
    void aThrowingListenerIsReportedAndOtherListenersStillGetTheEvent() {
        Channel news = subscribed("news");
        EventRecorder after = new EventRecorder();
        news.bind("story", e -> {
            throw new IllegalStateException("boom");
        });
        news.bind("story", after);
        rest.trigger("news", "story", "1");
        rest.trigger("news", "story", "2");
        assertEquals(
                List.of("1", "2"),
                after.await(2, WAIT).stream().map(PusherEvent::data).toList());
        ConnectionError err = rec.awaitError(e -> e.type() == ConnectionError.Type.LISTENER_ERROR, WAIT);
        assertEquals("boom", err.cause().orElseThrow().getMessage());
        assertEquals(
                2,
                rec.errors().stream()
                        .filter(e -> e.type() == ConnectionError.Type.LISTENER_ERROR)
                        .count(),
                "one report per failed call");
        assertEquals(
                List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED),
                rec.states(),
                "the connection is unaffected");
    }

    @Test
    void callbacksRunOnTheGivenExecutorInOrder() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui-thread"));
        try (Pusher p = Pusher.create(
                server.appKey(),
                server.clientOptions().autoConnect(false).callbackExecutor(ui).build())) {
            List<String> threads = new CopyOnWriteArrayList<>();
            EventRecorder events = new EventRecorder();
            Channel c = p.subscribe("news");
            c.bind("story", e -> threads.add(Thread.currentThread().getName()));
            c.bind("story", events);
            p.connect();
            server.awaitSubscriberCount("news", 1, WAIT);
            for (int i = 0; i < 50; i++) {
                server.publish("news", "story", Integer.toString(i));
            }
            List<PusherEvent> got = events.await(50, WAIT);
            assertEquals(
                    IntStream.range(0, 50).mapToObj(Integer::toString).toList(),
                    got.stream().map(PusherEvent::data).toList());
            assertTrue(threads.stream().allMatch("ui-thread"::equals), threads.toString());
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void invalidChannelNamesAreRejectedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> pusher.subscribe("#server-to-user-1"));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pusher.subscribe("has space"));
        assertThrows(IllegalArgumentException.class, () -> pusher.subscribe(""));
    }

    @Test
    void malformedFramesAreReportedAndTheConnectionKeepsWorking() {
        Channel news = subscribed("news");
        EventRecorder stories = new EventRecorder();
        news.bind("story", stories);
        ServerConnection conn = server.awaitConnection(1, WAIT);
        conn.sendRaw("not json");
        conn.sendRaw("{}");
        conn.sendRaw("[1,2]");
        conn.sendRaw("null");
        server.publish("news", "story", "after");
        assertEquals("after", stories.await(1, WAIT).get(0).data());
        List<ConnectionError> parseErrors = rec.errors().stream()
                .filter(e -> e.type() == ConnectionError.Type.MESSAGE_PARSE_ERROR)
                .toList();
        assertEquals(4, parseErrors.size(), rec.errors().toString());
        assertEquals(List.of(ConnectionState.CONNECTING, CONNECTED), rec.states());
    }
}
