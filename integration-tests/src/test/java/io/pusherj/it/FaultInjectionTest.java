package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.FaultProxy;
import io.pusherj.testkit.VirtualScheduler;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults of the network between client and server, injected by a TCP proxy (the client's timers on
 * virtual time): each scenario checks the exact states and the events received.
 */
class FaultInjectionTest extends ServerTest {
    private final VirtualScheduler time = new VirtualScheduler();
    private final EventRecorder stories = new EventRecorder();
    private FaultProxy proxy;
    private ConnectionRecorder rec;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.to(server.port());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /**
     * A ws client connected through the proxy and subscribed to {@code news}, once the server's last frame
     * of the subscription (its count) has reached it: a frame still in flight when a fault starts would be
     * real proof of life.
     */
    private void connectedThroughProxy() {
        Pusher p = track(Pusher.create(server.appKey(), PusherOptions.builder().wsHost(server.host())
                .wsPort(proxy.port()).forceTLS(false).enabledTransports("ws").scheduler(time).autoConnect(false)
                .build()));
        rec = ConnectionRecorder.attach(p.connection());
        EventRecorder counted = new EventRecorder();
        p.subscribe("news", c -> {
            c.bind("story", stories);
            c.bind(EventNames.SUBSCRIPTION_COUNT, counted);
        });
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        counted.await(1, WAIT);
    }

    /** After a fault: connected again, resubscribed, and the next event arrives exactly once. */
    private void assertReplacedAndNothingLost() {
        rec.awaitState(CONNECTED, 2, WAIT);
        server.awaitConnection(2, WAIT).awaitFrameContaining("pusher:subscribe", WAIT);
        server.awaitSubscriberCount("news", 1, WAIT); // the old one closed when the client dropped it
        server.publish("news", "story", "after");
        assertEquals("after", stories.await(1, WAIT).get(0).data());
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), rec.states());
        assertEquals(1, stories.events().size());
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
        time.advanceBy(30_000); // the pong timeout: the client gives the connection up
        time.awaitTaskAt(150_000, WAIT);
        time.runUntilIdle(); // and retries at once
        assertReplacedAndNothingLost();
    }

    @Test
    void aResetConnectionIsReplacedAfterOneSecondAndNothingPublishedAfterwardsIsLost() {
        connectedThroughProxy();
        proxy.resetAll();
        rec.awaitState(CONNECTING, 2, WAIT);
        time.advanceBy(1_000); // pusher-js reconnects 1 s after an unclean close
        assertReplacedAndNothingLost();
    }
}
