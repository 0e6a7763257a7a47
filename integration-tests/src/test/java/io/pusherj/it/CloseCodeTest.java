package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.Pusher;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every close-code range (docs/protocol.md §5.2), as a close of an open connection and as a {@code pusher:error}
 * first frame (a {@code null} code included), over each transport alone, with the client's timers on
 * virtual time: the test decides when a retry delay has passed.
 */
@ParameterizedClass(name = "over {0}")
@ValueSource(strings = {"ws", "xhr_streaming", "xhr_polling"})
class CloseCodeTest extends ServerTest {
    @Parameter
    String transport;

    private final VirtualScheduler time = new VirtualScheduler();
    private Pusher pusher;
    private ConnectionRecorder rec;

    @BeforeEach
    void createClient() {
        // pusher-js's close-code table to the millisecond; backoff and jitter: ReconnectBackoffTest.
        pusher = client(o -> o.enabledTransports(transport).scheduler(time).pusherJsReconnectTiming());
        rec = ConnectionRecorder.attach(pusher.connection());
    }

    private ServerConnection connectFirst() {
        pusher.connect();
        rec.awaitState(CONNECTED, WAIT);
        return server.awaitConnection(1, WAIT);
    }

    @ParameterizedTest(name = "close code {0} backs off one second")
    @ValueSource(ints = {4100, 4199, 1002, 1003}) // 1004 is reserved: no endpoint may send it
    void backOffCodesReconnectAfterOneSecond(int code) {
        connectFirst().close(code, "test");
        ConnectionError error = rec.awaitError(e -> e.code().isPresent(), WAIT);
        assertEquals(code, error.code().getAsInt());
        rec.awaitState(CONNECTING, 2, WAIT);
        assertEquals(List.of(Duration.ofSeconds(1)), rec.connectingIn());

        time.advanceBy(999);
        assertEquals(1, server.connections().size(), "no reconnect before the back-off delay");
        time.advanceBy(1);
        rec.awaitState(CONNECTED, 2, WAIT);
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), rec.states());
    }

    @ParameterizedTest(name = "close code {0} reconnects at once")
    @ValueSource(ints = {4200, 4201, 4299})
    void retryCodesReconnectAtOnce(int code) {
        connectFirst().close(code, "test");
        rec.awaitState(CONNECTING, 2, WAIT);
        time.runUntilIdle();
        rec.awaitState(CONNECTED, 2, WAIT);
        assertTrue(rec.connectingIn().isEmpty(), "no connecting_in for an immediate retry");
        assertEquals(code, rec.errors().get(0).code().getAsInt());
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), rec.states());
    }

    @ParameterizedTest(name = "close code {0} is refused for good")
    @ValueSource(ints = {4001, 4004, 4099, 4300, 4301})
    void refusedCodesDisconnectAndNeverRetry(int code) {
        connectFirst().close(code, "over quota");
        rec.awaitState(DISCONNECTED, WAIT);
        ConnectionError error = rec.errors().get(0);
        assertEquals(code, error.code().getAsInt());
        assertEquals("over quota", error.message());
        assertEquals(ConnectionError.Type.PUSHER_ERROR, error.type());
        assertEquals(0, time.pendingTasks(), "no timer left that could reconnect");
        assertEquals(List.of(CONNECTING, CONNECTED, DISCONNECTED), rec.states());
    }

    @Test
    void handshakeErrorFromAnOverQuotaAppIsReportedAndRefused() {
        server.faults().failHandshakes(4004);
        pusher.connect();
        rec.awaitState(DISCONNECTED, WAIT);
        assertEquals(
                4004, rec.errors().get(0).code().getAsInt(), "the Channels docs' err.error.data.code === 4004 check");
        assertEquals(List.of(CONNECTING, DISCONNECTED), rec.states());
    }

    /**
     * A {@code pusher:error} instead of {@code connection_established}: refused codes end in
     * {@code disconnected}, back-off codes and a missing or {@code null} code retry after 1 s (pusher-js
     * has no action for those and would sit in {@code connecting}; docs/protocol.md §6.2), retry codes at once.
     */
    @ParameterizedTest(name = "first frame pusher:error with code {0}")
    @CsvSource({
        "4001, refused",
        "4300, refused",
        "4100, backoff",
        "1002, backoff",
        "null, backoff",
        "absent, backoff",
        "4200, retry",
        "4201, retry"
    })
    void pusherErrorAsFirstFrame(String code, String action) {
        String codeField = switch (code) {
            case "absent" -> "";
            case "null" -> "\"code\":null,";
            default -> "\"code\":" + code + ",";
        };
        server.faults().replaceHandshake("{\"event\":\"pusher:error\",\"data\":{" + codeField + "\"message\":\"no\"}}");
        pusher.connect();
        ConnectionError error = rec.awaitError(e -> e.type() == ConnectionError.Type.PUSHER_ERROR, WAIT);
        OptionalInt expectedCode = code.equals("null") || code.equals("absent")
                ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(code));
        assertEquals(expectedCode, error.code());
        assertEquals("no", error.message());
        server.faults().normalHandshakes(); // the next attempt gets a normal handshake
        switch (action) {
            case "refused" -> {
                rec.awaitState(DISCONNECTED, WAIT);
                assertEquals(List.of(CONNECTING, DISCONNECTED), rec.states());
                assertEquals(1, server.connections().size());
            }
            case "backoff" -> {
                time.awaitTaskAt(1_000, WAIT);
                assertEquals(1, server.connections().size(), "no retry before the back-off delay");
                time.advanceBy(1_000);
                rec.awaitState(CONNECTED, WAIT);
                assertEquals(List.of(CONNECTING, CONNECTED), rec.states());
            }
            default -> {
                time.awaitTaskAt(0, WAIT);
                time.runUntilIdle();
                rec.awaitState(CONNECTED, WAIT);
                assertEquals(List.of(CONNECTING, CONNECTED), rec.states());
            }
        }
    }
}
