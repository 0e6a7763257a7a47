package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that writes as fast as the socket drains (the testkit's flood, which the load harness uses
 * too): every event arrives, once, in the order sent.
 */
class BurstDeliveryTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final int EVENTS = 20_000;

    private PusherTestServer server;
    private Pusher pusher;

    @Test
    void aBurstWrittenAsFastAsTheSocketDrainsArrivesCompleteAndInOrder() throws Exception {
        CompletableFuture<Long> written = new CompletableFuture<>();
        server = testServers.track(PusherTestServer.builder()
                .subscriptionCount(false)
                .onSubscribed((connection, channel) -> new Thread(
                                () -> {
                                    try {
                                        written.complete(connection.flood(
                                                channel, "tick", EVENTS, i -> Integer.toString(i), 64));
                                    } catch (RuntimeException e) {
                                        written.completeExceptionally(e);
                                    }
                                },
                                "burst-feeder")
                        .start())
                .start());
        List<String> received = new ArrayList<>(EVENTS);
        CountDownLatch all = new CountDownLatch(EVENTS);
        pusher = testServers.track(
                Pusher.create(server.appKey(), server.clientOptions().build()));
        pusher.subscribe("burst").bind("tick", e -> {
            received.add(e.data()); // listeners of one client run one at a time, in order
            all.countDown();
        });

        assertTrue(written.get(30, TimeUnit.SECONDS) > 0);
        assertTrue(all.await(30, TimeUnit.SECONDS), "received " + (EVENTS - all.getCount()) + " of " + EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            assertEquals(Integer.toString(i), received.get(i), "event " + i);
        }
    }
}
