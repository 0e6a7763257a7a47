package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The default reconnect backoff against a real server whose timers run on virtual time: a server shutting
 * down gracefully (every new connection closed at once with 4200, as soketi and Reverb do) gets a few
 * attempts spread over growing waits, not thousands, and the client is back as soon as it accepts again.
 */
class ReconnectBackoffTest extends ServerTest {

    static long take(BlockingQueue<Duration> q) throws InterruptedException {
        Duration d = q.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no reconnect was announced within " + WAIT);
        }
        return d.toMillis();
    }

    @Test
    void aServerClosingEveryNewConnectionGetsFewAttemptsThenTheClientIsBackWhenItAccepts() throws Exception {
        VirtualScheduler time = new VirtualScheduler();
        Pusher p = client(o -> o.scheduler(time));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        BlockingQueue<Duration> waits = new LinkedBlockingQueue<>();
        p.connection().onConnectingIn(waits::add);
        EventRecorder subscribed = new EventRecorder();
        p.subscribe("news", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, subscribed));
        p.connect();
        subscribed.await(1, WAIT);

        server.faults().failHandshakes(4200); // graceful shutdown: accept, close at once
        server.awaitConnection(1, WAIT).close(4200, "Server is closing");
        time.awaitTaskAt(time.nowMillis(), WAIT); // the first reaction: at once, as pusher-js's
        time.runUntilIdle();
        server.awaitConnection(2, WAIT).awaitClosed(WAIT);
        long virtualMillis = 0;
        List<Long> announced = new ArrayList<>();
        while (virtualMillis < 20_000) {
            long wait = take(waits);
            announced.add(wait);
            virtualMillis += wait;
            time.advanceBy(wait);
            server.awaitConnection(2 + announced.size(), WAIT).awaitClosed(WAIT);
        }
        // 1 s, 1.6 s, 2.56 s, 4.1 s, 6.55 s, 10.5 s, each ± 20 %: 20 virtual seconds hold about 6 attempts.
        assertTrue(announced.size() >= 4 && announced.size() <= 7, "attempts in 20 s: " + announced);
        for (int i = 1; i < announced.size(); i++) {
            assertTrue(announced.get(i) > announced.get(i - 1) * 1.6 * 0.8 / 1.2 - 1, "escalates: " + announced);
        }

        server.faults().normalHandshakes(); // the server is back
        long wait = take(waits);
        time.advanceBy(wait);
        rec.awaitState(CONNECTED, 2, WAIT);
        subscribed.await(2, WAIT);
        assertEquals(3 + announced.size(), server.connections().size(), "no attempt but the scheduled ones");
    }
}
