package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.PusherRuntime;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A runtime the application owns: its clients run on its threads only, closing a client leaves it running,
 * closing it closes its clients and leaves no thread behind (the extension checks that after each test).
 */
class PusherRuntimeTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    @Test
    void clientsOfAnOwnedRuntimeShareItsThreadsAndAClosedClientLeavesItRunning(PusherTestServer server) {
        try (PusherRuntime runtime =
                PusherRuntime.builder().strandThreads(1).authThreads(1).build()) {
            List<Pusher> clients = new ArrayList<>();
            List<EventRecorder> news = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                EventRecorder events = new EventRecorder();
                Pusher pusher = testServers.client(o -> o.runtime(runtime));
                pusher.subscribe("news", ch -> {
                    ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, events);
                    ch.bind("story", events);
                });
                pusher.connect();
                clients.add(pusher);
                news.add(events);
            }
            for (EventRecorder events : news) {
                events.await(1, WAIT);
            }
            assertEquals(
                    1,
                    Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith("pusherj-strand-"))
                            .count(),
                    "five clients on a runtime of one strand thread");

            clients.get(0).close();
            server.publish("news", "story", "{\"n\":1}");
            for (EventRecorder events : news.subList(1, news.size())) {
                events.await(2, WAIT);
            }
            assertFalse(runtime.isClosed(), "closing a client leaves the runtime it was given running");
        }
    }

    @Test
    void closingTheRuntimeClosesItsClients(PusherTestServer server) {
        PusherRuntime runtime = testServers.track(PusherRuntime.create());
        Pusher pusher = testServers.client(o -> o.runtime(runtime));
        ConnectionRecorder states = ConnectionRecorder.attach(pusher.connection());
        pusher.connect();
        states.awaitState(CONNECTED, WAIT);
        ServerConnection connection = server.awaitConnection(1, WAIT);

        runtime.close();

        states.awaitState(DISCONNECTED, WAIT);
        connection.awaitClosed(WAIT);
        assertTrue(runtime.isClosed());
        assertThrows(IllegalStateException.class, pusher::connect, "the client is closed with its runtime");
    }

    @Test
    void aListenerMayCloseTheRuntimeOfASingleStrandThread(PusherTestServer server) {
        // The listener runs on the runtime's only strand thread: a close that waited there for the other
        // clients' close tasks (queued behind that very thread) would stall 5 s per client.
        PusherRuntime runtime =
                testServers.track(PusherRuntime.builder().strandThreads(1).build());
        List<ConnectionRecorder> states = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Pusher pusher = testServers.client(o -> o.runtime(runtime));
            states.add(ConnectionRecorder.attach(pusher.connection()));
            pusher.connect();
        }
        for (ConnectionRecorder rec : states) {
            rec.awaitState(CONNECTED, WAIT);
        }
        Pusher closer = testServers.client(o -> o.runtime(runtime));
        ConnectionRecorder closerStates = ConnectionRecorder.attach(closer.connection());
        closer.connection().onState(CONNECTED, change -> runtime.close());
        closer.connect();

        closerStates.awaitState(DISCONNECTED, WAIT);
        for (ConnectionRecorder rec : states) {
            rec.awaitState(DISCONNECTED, WAIT);
        }
        for (ServerConnection connection : server.connections()) {
            connection.awaitClosed(WAIT);
        }
        assertTrue(runtime.isClosed());
    }

    @Test
    void aClosedRuntimeTakesNoNewClients(PusherTestServer server) {
        PusherRuntime runtime = PusherRuntime.create();
        runtime.close();
        PusherOptions options = server.clientOptions().runtime(runtime).build();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Pusher.create(server.appKey(), options));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aRuntimeNotMadeByPusherRuntimeCreateIsRefusedByName(PusherTestServer server) {
        PusherRuntime foreign = new PusherRuntime() {
            @Override
            public int strandThreads() {
                return 1;
            }

            @Override
            public int authThreads() {
                return 1;
            }

            @Override
            public boolean isClosed() {
                return false;
            }

            @Override
            public void close() {}
        };
        PusherOptions options = server.clientOptions().runtime(foreign).build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Pusher.create(server.appKey(), options));
        assertTrue(e.getMessage().contains("PusherRuntime.create()"), e.getMessage());
    }
}
