package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each fallback path on the real clock over TLS on 127.0.0.1: which transport wins, that the strategy's
 * delays really hold it back (never less than the delays of docs/protocol.md §10.3), and that the state
 * never shows {@code unavailable}. The time to connected is printed for the record (surefire keeps it in
 * {@code FallbackTimingReportTest-output.txt}); only the lower bounds are asserted, since upper bounds
 * would measure the machine, not the library.
 */
class FallbackTimingReportTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension(b -> b.tls(true));

    PusherTestServer server;

    @BeforeEach
    void bindServer() {
        server = testServers.server();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ws,                      '',                        ws,            0",
        "ws blocked,              ws,                        xhr_streaming, 2000",
        "ws and streaming blocked, ws xhr_streaming,         xhr_polling,   6000",
        "sockjs alone (websocket), '',                       sockjs,        0",
        "sockjs alone (xhr),      sockjs-websocket,          sockjs,        0",
    })
    void timeToConnected(String path, String blocked, String expectedTransport, long atLeastMillis) {
        List<String> blockedTransports =
                blocked.isBlank() ? List.of() : List.of(blocked.trim().split(" "));
        blockedTransports.forEach(t -> server.faults().blockTransport(t, true));
        UnaryOperator<PusherOptions.Builder> transports =
                expectedTransport.equals("sockjs") ? b -> b.enabledTransports("sockjs") : b -> b;
        Pusher p = testServers.track(Pusher.create(
                server.appKey(),
                transports
                        .apply(server.clientOptions().forceTLS(true).autoConnect(false))
                        .build()));
        try {
            ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
            long start = System.nanoTime();
            p.connect();
            rec.awaitState(CONNECTED, WAIT);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.printf(
                    "time to connected over TLS, %s: %d ms via %s%n",
                    path, millis, p.connection().transport().orElse("?"));
            assertEquals(expectedTransport, p.connection().transport().orElseThrow());
            assertTrue(millis >= atLeastMillis, "the fallback may not start before its delay: " + millis + " ms");
            assertFalse(rec.states().contains(UNAVAILABLE));
        } finally {
            p.close();
            blockedTransports.forEach(t -> server.faults().blockTransport(t, false));
        }
    }
}
