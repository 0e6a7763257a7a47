package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** enabledTransports / disabledTransports over the transports discovered on the class path. */
class TransportSelectionTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    PusherTestServer server;

    @BeforeEach
    void start() {
        server = testServers.server();
    }

    private ConnectionRecorder connectWith(UnaryOperator<PusherOptions.Builder> options, EventRecorder global) {
        Pusher pusher = Pusher.create(
                server.appKey(),
                options.apply(server.clientOptions().autoConnect(false)).build());
        ConnectionRecorder rec = ConnectionRecorder.attach(pusher.connection());
        pusher.bindGlobal(global);
        pusher.connect();
        closers.add(pusher);
        return rec;
    }

    private final List<Pusher> closers = new ArrayList<>();

    @AfterEach
    void closeClients() {
        closers.forEach(Pusher::close);
    }

    @Test
    void onlyWsEnabledConnects() {
        ConnectionRecorder rec = connectWith(o -> o.enabledTransports("ws"), new EventRecorder());
        rec.awaitState(CONNECTED, WAIT);
    }

    @Test
    void disablingEveryProvidedTransportLeavesNothingUsableSoTheClientFails() {
        EventRecorder global = new EventRecorder();
        ConnectionRecorder rec =
                connectWith(o -> o.disabledTransports("ws", "wss", "xhr_streaming", "xhr_polling", "sockjs"), global);
        rec.awaitState(FAILED, WAIT);
        assertEquals(List.of(FAILED), rec.states(), "the Channels docs' initialized -> failed");
        global.awaitEvent(EventNames.CONNECTION_FAILED, WAIT);
        assertEquals(0, server.connections().size());
    }

    @Test
    void anEmptyEnabledListDisablesEverything() {
        ConnectionRecorder rec = connectWith(o -> o.enabledTransports(), new EventRecorder());
        rec.awaitState(FAILED, WAIT);
    }
}
