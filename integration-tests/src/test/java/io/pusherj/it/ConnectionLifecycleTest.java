package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Channels connection docs' state sequences over a real WebSocket on 127.0.0.1. */
class ConnectionLifecycleTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    PusherTestServer server;
    Pusher pusher;
    ConnectionRecorder states;

    @BeforeEach
    void start() {
        server = testServers.server();
        pusher = testServers.track(Pusher.create(
                server.appKey(), server.clientOptions().autoConnect(false).build()));
        states = ConnectionRecorder.attach(pusher.connection());
    }

    @Test
    void connectsThroughTheDocumentedStatesAndExposesTheSocketId() {
        pusher.connect();
        states.awaitState(CONNECTED, WAIT);

        assertEquals(List.of(CONNECTING, CONNECTED), states.states());
        ServerConnection conn = server.awaitConnection(1, WAIT);
        assertEquals(conn.socketId(), pusher.connection().socketId().orElseThrow());
        assertTrue(
                conn.requestUri().matches("/app/app-key\\?protocol=7&client=java-pusherj&version=[^&]+&flash=false"),
                conn.requestUri());
    }

    @Test
    void connectionEstablishedIsVisibleToAGlobalBinding() {
        EventRecorder global = new EventRecorder();
        pusher.bindGlobal(global);
        pusher.connect();

        var established = global.awaitEvent(EventNames.CONNECTION_ESTABLISHED, WAIT);
        assertEquals(
                pusher.connection().socketId().orElseThrow(),
                established.json().asJsonObject().getString("socket_id"));
    }

    @Test
    void disconnectAndConnectAgainAnyNumberOfTimes() {
        for (int i = 1; i <= 3; i++) {
            pusher.connect();
            states.awaitState(CONNECTED, i, WAIT);
            pusher.disconnect();
            states.awaitState(DISCONNECTED, i, WAIT);
        }
        assertEquals(
                List.of(
                        CONNECTING,
                        CONNECTED,
                        DISCONNECTED,
                        CONNECTING,
                        CONNECTED,
                        DISCONNECTED,
                        CONNECTING,
                        CONNECTED,
                        DISCONNECTED),
                states.states());
        assertTrue(pusher.connection().socketId().isEmpty());
    }
}
