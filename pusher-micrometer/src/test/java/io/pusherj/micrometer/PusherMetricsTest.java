package io.pusherj.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meters of a client that connects, receives three events and disconnects, against the test server. */
class PusherMetricsTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aClientsConnectEventsAndStateShowInTheRegistry() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PusherTestServer server = PusherTestServer.start();
                Pusher pusher = Pusher.create(
                        server.appKey(),
                        server.clientOptions().autoConnect(false).build())) {
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
                    1,
                    registry.get("pusher.connection.time.to.connected").timer().count());
            // The three stories; not the protocol's subscription_succeeded.
            assertEquals(3.0, registry.get("pusher.events.received").counter().count());
        }
    }

    private static double state(SimpleMeterRegistry registry, ConnectionState state) {
        return registry.get("pusher.connection.state")
                .tags("app", "test", "state", state.wireName())
                .gauge()
                .value();
    }
}
