package io.pusherj.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.server.AuthFault;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The meters of clients that connect, reconnect, authorize and receive events, against the test server. */
class PusherMetricsTest {
    static final Duration WAIT = PusherServerExtension.WAIT;

    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PusherTestServer server;

    @BeforeEach
    void start() {
        server = testServers.server();
    }

    @Test
    void aClientsConnectEventsAndStateShowInTheRegistry() throws Exception {
        Pusher pusher = testServers.client(o -> o);
        new PusherMetrics(pusher, Tags.of("app", "test")).bindTo(registry);
        assertEquals(1.0, state(registry, ConnectionState.INITIALIZED));

        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch three = new CountDownLatch(3);
        pusher.connection().onState(ConnectionState.CONNECTED, c -> connected.countDown());
        // A global binding added after the metrics' runs after theirs for each event (bindings run in order).
        pusher.bindGlobal(e -> {
            if (e.eventName().equals("story")) {
                three.countDown();
            }
        });
        pusher.subscribe("news", ch -> {});
        pusher.connect();
        assertTrue(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        server.awaitSubscriberCount("news", 1, WAIT);
        for (int i = 0; i < 3; i++) {
            server.publish("news", "story", "{}");
        }
        assertTrue(three.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        assertEquals(1.0, state(registry, ConnectionState.CONNECTED));
        assertEquals(0.0, state(registry, ConnectionState.INITIALIZED));
        assertEquals(
                1.0,
                registry.get("pusher.connection.connects")
                        .tags("app", "test", "transport", "ws")
                        .counter()
                        .count());
        assertEquals(
                1, registry.get("pusher.connection.time.to.connected").timer().count());
        // The three stories; not the protocol's subscription_succeeded.
        assertEquals(3.0, registry.get("pusher.events.received").counter().count());
    }

    @Test
    void aDroppedConnectionCountsAnErrorByCodeAndAReconnectAndTheSubscriptionsShowTheirState() throws Exception {
        Pusher pusher = testServers.client(o -> o);
        new PusherMetrics(pusher, Tags.of("app", "test")).bindTo(registry);
        CountDownLatch twice = new CountDownLatch(2);
        pusher.connection().onState(ConnectionState.CONNECTED, c -> twice.countDown());
        CountDownLatch subscribed = new CountDownLatch(1);
        pusher.subscribe("news", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, e -> subscribed.countDown()));
        pusher.connect();
        assertTrue(subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1.0, subscriptions(registry, "subscribed"));
        assertEquals(0.0, subscriptions(registry, "pending"));

        server.awaitConnection(1, WAIT).close(4200, "reconnect now");
        assertTrue(twice.await(WAIT.toSeconds(), TimeUnit.SECONDS), "reconnected");

        assertEquals(2.0, registry.get("pusher.connection.connects").counter().count());
        assertEquals(1.0, registry.get("pusher.connection.reconnects").counter().count());
        assertEquals(
                1.0,
                registry.get("pusher.connection.errors")
                        .tags("type", "pushererror", "code", "4200")
                        .counter()
                        .count());
        assertEquals(
                2, registry.get("pusher.connection.time.to.connected").timer().count());
    }

    @Test
    void boundWhileConnectedTheNextConnectionIsAReconnectAndIsTimed() throws Exception {
        Pusher pusher = testServers.client(o -> o);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        pusher.connection().onState(ConnectionState.CONNECTED, c -> {
            first.countDown();
            second.countDown();
        });
        pusher.connect();
        assertTrue(first.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        new PusherMetrics(pusher).bindTo(registry); // as a framework binds it: after the client started

        server.awaitConnection(1, WAIT).close(4200, "reconnect now");
        assertTrue(second.await(WAIT.toSeconds(), TimeUnit.SECONDS), "reconnected");

        assertEquals(1.0, registry.get("pusher.connection.reconnects").counter().count());
        assertEquals(
                1, registry.get("pusher.connection.time.to.connected").timer().count());
    }

    @Test
    void closingTheClientTakesItsMetersOutOfTheRegistry() {
        Pusher pusher = testServers.client(o -> o);
        new PusherMetrics(pusher, Tags.of("app", "test")).bindTo(registry);
        assertEquals(1.0, state(registry, ConnectionState.INITIALIZED));
        assertEquals(
                0.0,
                registry.get("pusher.auth.requests")
                        .tags("outcome", "failure")
                        .timer()
                        .count(),
                "registered at once: dashboards show 0, not nothing");

        pusher.close();

        assertEquals(List.of(), registry.getMeters(), "a new client with the same tags starts afresh");
    }

    @Test
    void twoClientsWithTheSameTagsInOneRegistryAreRefusedAndWithTheirOwnTagsBothShow() {
        Pusher orders = testServers.client(o -> o);
        Pusher prices = testServers.client(o -> o);
        new PusherMetrics(orders, Tags.of("client", "orders")).bindTo(registry);

        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> new PusherMetrics(prices, Tags.of("client", "orders")).bindTo(registry));
        assertTrue(refused.getMessage().contains("tags of its own"), refused.getMessage());

        new PusherMetrics(prices, Tags.of("client", "prices")).bindTo(registry);
        assertEquals(
                2,
                registry.find("pusher.connection.state")
                        .tag("state", "initialized")
                        .gauges()
                        .size());
    }

    @Test
    void closingTheMetricsTakesThemOutAndStopsCounting() throws Exception {
        Pusher pusher = testServers.client(o -> o);
        PusherMetrics metrics = new PusherMetrics(pusher);
        metrics.bindTo(registry);
        metrics.close();
        assertEquals(List.of(), registry.getMeters());

        CountDownLatch connected = new CountDownLatch(1);
        pusher.connection().onState(ConnectionState.CONNECTED, c -> connected.countDown());
        pusher.connect();
        assertTrue(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(List.of(), registry.getMeters(), "no meter registered again by a late listener");
    }

    @Test
    void authRequestsAreTimedBySuccessAndFailure() throws Exception {
        server.faults().authFault("private-denied", AuthFault.status(403, "{\"error\":\"no\"}"));
        Pusher pusher =
                testServers.client(o -> o.authEndpoint(server.authEndpoint().toString()));
        new PusherMetrics(pusher).bindTo(registry);
        CountDownLatch answered = new CountDownLatch(2);
        pusher.subscribePrivate(
                "private-orders", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, e -> answered.countDown()));
        pusher.subscribePrivate("private-denied", ch -> ch.onSubscriptionError(e -> answered.countDown()));
        pusher.connect();
        assertTrue(answered.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        Timer ok = registry.get("pusher.auth.requests")
                .tags("kind", "channel", "outcome", "success")
                .timer();
        Timer refused = registry.get("pusher.auth.requests")
                .tags("kind", "channel", "outcome", "failure")
                .timer();
        assertEquals(1, ok.count());
        assertEquals(1, refused.count());
        assertTrue(ok.totalTime(TimeUnit.NANOSECONDS) > 0);
        assertEquals(1.0, subscriptions(registry, "subscribed"));
        assertEquals(0.0, subscriptions(registry, "pending"));
        assertEquals(1.0, subscriptions(registry, "idle"), "refused: neither subscribed nor pending");
    }

    @Test
    void theInboundQueueGaugeShowsAnEventWaitingForABusyListener() throws Exception {
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        try {
            Pusher pusher = testServers.client(o -> o.callbackExecutor(callbacks));
            new PusherMetrics(pusher).bindTo(registry);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch subscribed = new CountDownLatch(1);
            pusher.subscribe("news", ch -> {
                ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, e -> subscribed.countDown());
                ch.bind("story", e -> {
                    entered.countDown();
                    await(release);
                });
            });
            pusher.connect();
            assertTrue(subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            server.publish("news", "story", "{\"text\":\"held\"}");
            assertTrue(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS));

            double held = registry.get("pusher.inbound.queued").gauge().value();
            release.countDown();
            assertTrue(held > 0, "the frame counts while its listener runs: " + held);
        } finally {
            callbacks.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void channelTagsAreOptInAndBounded() throws Exception {
        Pusher pusher = testServers.client(o -> o);
        new PusherMetrics(pusher).withChannelTags(2).bindTo(registry);
        CountDownLatch four = new CountDownLatch(4);
        pusher.bindGlobal(e -> {
            if (e.eventName().equals("story")) {
                four.countDown();
            }
        });
        for (String name : new String[] {"a", "b", "c", "d"}) {
            pusher.subscribe(name, ch -> {});
        }
        pusher.connect();
        for (String name : new String[] {"a", "b", "c", "d"}) {
            server.awaitSubscriberCount(name, 1, WAIT);
        }
        for (String name : new String[] {"a", "b", "c", "d"}) {
            server.publish(name, "story", "{}");
        }
        assertTrue(four.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        Map<String, Double> byChannel = registry.find("pusher.events.received").counters().stream()
                .collect(Collectors.toMap(c -> c.getId().getTag("channel"), Counter::count));
        assertEquals(Map.of("a", 1.0, "b", 1.0, "(other)", 2.0), byChannel);
    }

    private static double state(SimpleMeterRegistry registry, ConnectionState state) {
        return registry.get("pusher.connection.state")
                .tags("app", "test", "state", state.wireName())
                .gauge()
                .value();
    }

    private static double subscriptions(SimpleMeterRegistry registry, String state) {
        return registry.get("pusher.subscriptions").tags("state", state).gauge().value();
    }
}
