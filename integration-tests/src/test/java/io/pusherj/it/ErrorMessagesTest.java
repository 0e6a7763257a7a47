package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors are read by people: short, on one line, naming what happened. */
class ErrorMessagesTest extends ServerTest {

    private static void assertReadable(ConnectionError e) {
        assertTrue(e.message().length() <= 300, e.message().length() + " characters: " + e.message());
        assertTrue(!e.message().contains("\n"), e.message());
    }

    @Test
    void aBinaryFrameIsOneShortErrorAndTheConnectionCarriesOn() {
        Pusher p = client(o -> o);
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        EventRecorder events = new EventRecorder();
        EventRecorder ok = new EventRecorder();
        p.subscribe("news", ch -> {
            ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
            ch.bind("story", events);
        });
        p.connect();
        ok.await(1, WAIT);
        ServerConnection conn = server.awaitConnection(1, WAIT);
        String binary = "{\"event\":\"story\",\"channel\":\"news\",\"data\":\"{}\"}";
        conn.sendBinary(binary);
        server.publish("news", "story", "after");

        assertEquals("after", events.await(1, WAIT).get(0).data());
        List<ConnectionError> errors = rec.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(
                "ws: binary frame ignored (" + binary.length() + " bytes): Pusher sends text frames only",
                errors.get(0).message());
        assertReadable(errors.get(0));
        assertEquals(List.of(ConnectionState.CONNECTING, CONNECTED), rec.states());
    }

    @Test
    void anUnknownHostIsNamed() {
        Pusher p = client(o -> o.wsHost("no-such-host.invalid"));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        ConnectionError e = rec.awaitError(x -> x.type() == ConnectionError.Type.TRANSPORT_ERROR, WAIT);
        assertTrue(e.message().contains("no-such-host.invalid") && e.message().contains("unknown host"), e.message());
        assertReadable(e);
    }

    @Test
    void aRefusedConnectionIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Pusher p = client(o -> o.wsPort(closedPort));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        ConnectionError e = rec.awaitError(x -> x.type() == ConnectionError.Type.TRANSPORT_ERROR, WAIT);
        assertTrue(
                e.message().contains("127.0.0.1:" + closedPort) && e.message().contains("connection refused"),
                e.message());
        assertReadable(e);
    }

    @Test
    void aServersErrorTextIsCutTo300Characters() {
        Pusher p = client(o -> o);
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        server.awaitConnection(1, WAIT)
                .sendRaw("{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\""
                        + "very long\\n".repeat(2_000) + "\"}}");
        ConnectionError e = rec.awaitError(x -> x.type() == ConnectionError.Type.PUSHER_ERROR, WAIT);
        assertTrue(e.message().startsWith("very long very long"), e.message());
        assertReadable(e);
    }
}
