package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.EventListener;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A listener that takes 50 ms per event under a burst (the queue policy of
 * {@link PusherOptions#maxQueuedInboundChars()}): the socket is read while the listener works, every event
 * read is delivered in order, and a burst past the limit costs a reconnect, never memory or an event.
 */
class SlowListenerTest extends ServerTest {
    private static final int SLOW_MILLIS = 50;

    private final ExecutorService userExecutor = Executors.newSingleThreadExecutor();
    private final EventRecorder handled = new EventRecorder();
    private ConnectionRecorder rec;

    @AfterEach
    void stopUserExecutor() {
        userExecutor.shutdownNow();
    }

    /** The slow work the scenario is about, not a wait for an event. */
    private final EventListener slow = event -> {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handled.onEvent(event);
    };

    private ServerConnection subscribed(UnaryOperator<PusherOptions.Builder> options) {
        Pusher p = client(options);
        rec = ConnectionRecorder.attach(p.connection());
        p.subscribe("burst", c -> c.bind("tick", slow));
        p.connect();
        server.awaitSubscriberCount("burst", 1, WAIT);
        return server.awaitConnection(1, WAIT);
    }

    private static String data(int i, String pad) {
        return i + ":" + pad;
    }

    private static int index(PusherEvent e) {
        return Integer.parseInt(e.data().substring(0, e.data().indexOf(':')));
    }

    @Test
    void theSocketIsReadWhileASlowListenerWorksThroughABurstAndEveryEventArrivesInOrder() {
        int events = 60;
        String pad = "x".repeat(400_000); // 24 MB in all: far more than loopback's socket buffers hold
        ServerConnection conn = subscribed(o -> o.enabledTransports("ws").maxQueuedInboundChars(64L << 20));

        conn.flood("burst", "tick", events, i -> data(i, pad), 4); // returns once the last frame was written
        int handledWhenWritten = handled.events().size();
        System.out.println("slow listener: " + handledWhenWritten + " of " + events
                + " events handled when the server had written all");

        // Had the client stopped reading while its listener worked, the server could not have written more
        // than the buffers hold (under 10 MB, 25 events) before the listener had handled the rest.
        assertTrue(
                handledWhenWritten < 30,
                "handled " + handledWhenWritten + " of " + events + " when the last was written");
        List<PusherEvent> got = handled.await(events, WAIT.multipliedBy(2));
        assertEquals(
                IntStream.range(0, events).boxed().toList(),
                got.stream().map(SlowListenerTest::index).toList());
        assertEquals(List.of(CONNECTING, CONNECTED), rec.states(), "no reconnect within the limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "xhr_streaming", "xhr_polling", "ws with a callback executor"})
    void aBurstPastTheLimitCostsAReconnectButNoEventReadIsLostOrReordered(String scenario) {
        String transport = scenario.split(" ")[0];
        int events = 30;
        String pad = "x".repeat(100_000); // 3 MB against a 1 Mi-char limit
        ServerConnection conn = subscribed(o -> {
            o.enabledTransports(transport).maxQueuedInboundChars(1L << 20);
            return scenario.contains("executor") ? o.callbackExecutor(userExecutor) : o;
        });

        try {
            conn.flood("burst", "tick", events, i -> data(i, pad), 4);
        } catch (IllegalStateException e) {
            // Expected over ws: the client drops the connection in the middle of the burst.
        }
        ConnectionError error = rec.awaitError(e -> e.message().contains("maxQueuedInboundChars"), WAIT);
        assertEquals(ConnectionError.Type.TRANSPORT_ERROR, error.type());
        rec.awaitState(CONNECTED, 2, WAIT); // after every event read before the drop was handled
        server.awaitConnection(2, WAIT).awaitSubscribed("burst", WAIT);
        server.publish("burst", "tick", data(events, "after the reconnect"));

        handled.await(e -> index(e) == events, 1, WAIT);
        List<Integer> got =
                handled.events().stream().map(SlowListenerTest::index).toList();
        int read = got.size() - 1;
        // Read until the frame that took the queue past the limit (the 11th), and no further than the burst.
        assertTrue(read >= 11 && read < events, "events read before the drop: " + read);
        assertEquals(
                IntStream.rangeClosed(0, read)
                        .map(i -> i < read ? i : events)
                        .boxed()
                        .toList(),
                got,
                "a gapless prefix of the burst, then the event published after the reconnect");
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), rec.states());
    }
}
