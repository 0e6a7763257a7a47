package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.FaultProxy;
import io.pusherj.testkit.ServerConnection;
import io.pusherj.testkit.VirtualScheduler;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults of the network between client and server, injected by a TCP proxy (the client's timers on
 * virtual time): each scenario checks the exact states and the events received.
 */
class FaultInjectionTest extends ServerTest {
    @Test
    void aHalfOpenConnectionIsFoundByTheActivityCheckAndReplaced() {
        VirtualScheduler time = new VirtualScheduler();
        try (FaultProxy proxy = FaultProxy.to(server.port())) {
            Pusher p = track(Pusher.create(server.appKey(), PusherOptions.builder().wsHost(server.host())
                    .wsPort(proxy.port()).forceTLS(false).enabledTransports("ws").scheduler(time).autoConnect(false)
                    .build()));
            ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
            EventRecorder stories = new EventRecorder();
            EventRecorder counted = new EventRecorder();
            p.subscribe("news", c -> {
                c.bind("story", stories);
                c.bind(io.pusherj.api.EventNames.SUBSCRIPTION_COUNT, counted);
            });
            p.connect();
            rec.awaitState(CONNECTED, WAIT);
            counted.await(1, WAIT); // the server's last frame of the subscription has reached the client

            proxy.blackHoleAll(); // both directions stop; the sockets stay open
            // Timers fire on virtual time, but what they trigger runs on the client's strand: wait for each
            // timer to exist before moving the clock past it.
            time.awaitTaskAt(120_000, WAIT);
            time.advanceBy(120_000); // the activity timeout: the client pings into the void
            time.awaitTaskAt(150_000, WAIT);
            time.advanceBy(30_000); // the pong timeout: the client gives the connection up
            time.awaitTaskAt(150_000, WAIT);
            time.runUntilIdle(); // and retries at once
            rec.awaitState(CONNECTED, 2, WAIT);
            ServerConnection replacement = server.awaitConnection(2, WAIT);
            replacement.awaitFrameContaining("pusher:subscribe", WAIT);
            server.awaitSubscriberCount("news", 1, WAIT); // the old one closed when the client dropped it

            server.publish("news", "story", "after");
            assertEquals("after", stories.await(1, WAIT).get(0).data());
            assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), rec.states());
            assertEquals(1, stories.events().size());
        }
    }

    @Test
    void aResetConnectionIsReplacedAfterOneSecondAndNothingPublishedAfterwardsIsLost() {
        VirtualScheduler time = new VirtualScheduler();
        try (FaultProxy proxy = FaultProxy.to(server.port())) {
            Pusher p = track(Pusher.create(server.appKey(), PusherOptions.builder().wsHost(server.host())
                    .wsPort(proxy.port()).forceTLS(false).enabledTransports("ws").scheduler(time).autoConnect(false)
                    .build()));
            ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
            EventRecorder stories = new EventRecorder();
            p.subscribe("news").bind("story", stories);
            p.connect();
            rec.awaitState(CONNECTED, WAIT);
            server.awaitSubscriberCount("news", 1, WAIT);

            proxy.resetAll();
            rec.awaitState(CONNECTING, 2, WAIT);
            time.advanceBy(1_000); // pusher-js reconnects 1 s after an unclean close
            rec.awaitState(CONNECTED, 2, WAIT);
            server.awaitConnection(2, WAIT).awaitFrameContaining("pusher:subscribe", WAIT);
            server.awaitSubscriberCount("news", 1, WAIT);
            server.publish("news", "story", "after");
            assertEquals("after", stories.await(1, WAIT).get(0).data());
            assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), rec.states());
        }
    }
}
