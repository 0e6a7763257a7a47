package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code localAddress} option: every transport's sockets leave from the address given (here the loopback
 * alias 127.0.0.2, which Linux answers without configuration; macOS needs {@code ifconfig lo0 alias 127.0.0.2}),
 * and the connection works from it.
 */
class LocalAddressTest extends ServerTest {
    static InetAddress secondLoopback() {
        try {
            return InetAddress.getByName("127.0.0.2");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "xhr_streaming", "xhr_polling", "sockjs"})
    void theTransportsFirstSocketLeavesFromTheLocalAddress(String transport) throws IOException {
        // A listener that only accepts: it sees where the first socket came from, whatever the transport says.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout((int) WAIT.toMillis());
            Pusher p = testServers.track(Pusher.create(
                    server.appKey(),
                    PusherOptions.builder()
                            .wsHost("127.0.0.1")
                            .wsPort(listener.getLocalPort())
                            .httpHost("127.0.0.1")
                            .httpPort(listener.getLocalPort())
                            .forceTLS(false)
                            .enabledTransports(transport)
                            .localAddress(secondLoopback())
                            .build()));
            try (Socket accepted = listener.accept()) {
                assertEquals(secondLoopback(), accepted.getInetAddress(), transport + " bound its socket elsewhere");
            }
            p.disconnect();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "xhr_streaming", "xhr_polling", "sockjs"})
    void aClientBoundToTheLocalAddressConnectsAndReceives(String transport) {
        Pusher p = client(o -> o.enabledTransports(transport).localAddress(secondLoopback()));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        assertEquals("127.0.0.2", server.awaitConnection(1, WAIT).remoteAddress(), "where the server saw it from");
        EventRecorder news = new EventRecorder();
        p.subscribe("news", ch -> ch.bind("story", news));
        server.awaitSubscriberCount("news", 1, WAIT);
        server.publish("news", "story", "from 127.0.0.2");
        assertEquals("from 127.0.0.2", news.await(1, WAIT).get(0).data());
    }
}
