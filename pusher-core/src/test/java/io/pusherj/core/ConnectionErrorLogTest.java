package io.pusherj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.ConnectionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The log writes a repeated connection error once, then how often it repeated, on the client's clock. */
class ConnectionErrorLogTest {
    final List<String> logged = new ArrayList<>();
    long now;
    final ConnectionErrorLog log = new ConnectionErrorLog(() -> now, () -> true, logged::add);

    static ConnectionError closing() {
        return new ConnectionError(
                ConnectionError.Type.PUSHER_ERROR,
                OptionalInt.of(4200),
                "Server is closing",
                Optional.empty(),
                Optional.empty());
    }

    static ConnectionError refused(String transport) {
        return new ConnectionError(
                ConnectionError.Type.TRANSPORT_ERROR,
                OptionalInt.empty(),
                "connection refused",
                Optional.of(transport),
                Optional.empty());
    }

    @Test
    void interleavedErrorsAreEachLoggedOnceThenCountedEveryTenSecondsAndWhenTheClientStops() {
        for (int second = 0; second < 15; second++) {
            now = second * 1_000L;
            log.log(closing());
            log.log(refused("ws"));
            log.log(refused("xhr_streaming"));
        }
        log.flush();
        assertEquals(
                List.of(
                        "connection error: PusherError 4200 Server is closing",
                        "connection error: WebSocketError connection refused (ws)",
                        "connection error: WebSocketError connection refused (xhr_streaming)",
                        "connection error repeated 10 times since it was last logged: PusherError 4200 Server is closing",
                        "connection error repeated 10 times since it was last logged: WebSocketError connection refused (ws)",
                        "connection error repeated 10 times since it was last logged: WebSocketError connection refused (xhr_streaming)",
                        "connection error repeated 4 times since it was last logged: PusherError 4200 Server is closing",
                        "connection error repeated 4 times since it was last logged: WebSocketError connection refused (ws)",
                        "connection error repeated 4 times since it was last logged: WebSocketError connection refused (xhr_streaming)"),
                logged);
    }

    @Test
    void aStateChangeTenSecondsAfterAnErrorsLastLineLogsItsCount() {
        log.log(closing());
        log.log(closing());
        now = 9_999;
        log.stateChanged();
        assertEquals(1, logged.size(), "less than 10 s: still counting");
        now = 10_000;
        log.stateChanged();
        assertEquals(
                "connection error repeated 1 times since it was last logged: PusherError 4200 Server is closing",
                logged.get(1));
        log.log(closing());
        assertEquals(3, logged.size(), "forgotten after its count: the next one is logged plainly");
    }

    @Test
    void theSameErrorAfterTenQuietSecondsIsLoggedAgainPlainly() {
        log.log(closing());
        now = 30_000;
        log.log(closing());
        log.flush();
        assertEquals(2, logged.size(), logged.toString());
        assertEquals(logged.get(0), logged.get(1));
    }
}
