package io.pusherj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The JSON-lines contract for errors that repeat: the first is printed, the run is summed up once. */
class JsonLinesTest {
    final StringWriter written = new StringWriter();
    final JsonLines out =
            new JsonLines(new PrintWriter(written, true), new StatusLine(new PrintWriter(new StringWriter()), false));

    static ConnectionError closing() {
        return new ConnectionError(
                ConnectionError.Type.PUSHER_ERROR,
                OptionalInt.of(4200),
                "Server is closing",
                Optional.of("ws"),
                Optional.empty());
    }

    /** Virtual time for the 10 s rule, in nanoseconds. */
    final long[] now = {0};

    static StatusLine quiet() {
        return new StatusLine(new PrintWriter(new StringWriter()), false);
    }

    List<String> lines() {
        return written.toString().lines().toList();
    }

    static final String CLOSING =
            "{\"type\":\"error\",\"code\":4200,\"message\":\"Server is closing\",\"error_type\":\"PusherError\"";

    static ConnectionStateChange change(ConnectionState from, ConnectionState to) {
        return new ConnectionStateChange(from, to, Optional.empty());
    }

    /** What {@code listen} prints while a server closes every connection: errors between state lines. */
    @Test
    void aServerClosingEveryConnectionPrintsItsErrorOnceThenHowManyTimesItRepeated() {
        for (int i = 0; i < 500; i++) {
            out.error(closing());
            out.connectingIn(Duration.ofSeconds(1));
            out.state(change(ConnectionState.CONNECTED, ConnectionState.CONNECTING), Optional.empty());
            out.state(change(ConnectionState.CONNECTING, ConnectionState.CONNECTED), Optional.of("1.1"));
        }
        out.finish();
        List<String> errors =
                lines().stream().filter(l -> l.contains("\"error\"")).toList();
        assertEquals(List.of(CLOSING + "}", CLOSING + ",\"repeats\":499}"), errors);
        assertEquals(1 + 500 * 3 + 1, lines().size(), "every state and connecting_in line is still printed");
        assertEquals(CLOSING + ",\"repeats\":499}", lines().get(lines().size() - 1));
    }

    @Test
    void interleavedDistinctErrorsAreCountedEachOnItsOwn() {
        ConnectionError refused = new ConnectionError(
                ConnectionError.Type.TRANSPORT_ERROR,
                OptionalInt.empty(),
                "connection refused",
                Optional.of("xhr_streaming"),
                Optional.empty());
        for (int i = 0; i < 3; i++) {
            out.error(closing());
            out.error(refused);
        }
        out.error(closing());
        out.finish();
        String refusedLine =
                "{\"type\":\"error\",\"code\":null,\"message\":\"connection refused\",\"error_type\":\"WebSocketError\"";
        assertEquals(
                List.of(CLOSING + "}", refusedLine + "}", refusedLine + ",\"repeats\":2}", CLOSING + ",\"repeats\":3}"),
                lines(),
                "summed up least recently seen first");
    }

    @Test
    void anotherLineTenSecondsAfterAnErrorsLastLineFirstPrintsItsCount() {
        JsonLines timed = new JsonLines(new PrintWriter(written, true), quiet(), () -> now[0]);
        timed.error(closing());
        timed.error(closing());
        now[0] = 9_999_999_999L;
        timed.subscribed("news");
        now[0] = 10_000_000_000L;
        timed.subscribed("sport");
        timed.finish();
        assertEquals(
                List.of(
                        CLOSING + "}",
                        "{\"type\":\"subscribed\",\"channel\":\"news\"}",
                        CLOSING + ",\"repeats\":1}",
                        "{\"type\":\"subscribed\",\"channel\":\"sport\"}"),
                lines());
    }

    @Test
    void theSameErrorAfterTenQuietSecondsIsPrintedPlainly() {
        JsonLines timed = new JsonLines(new PrintWriter(written, true), quiet(), () -> now[0]);
        timed.error(closing());
        now[0] = 30_000_000_000L;
        timed.error(closing());
        timed.finish();
        assertEquals(List.of(CLOSING + "}", CLOSING + "}"), lines());
    }

    @Test
    void aLongRunOfRepeatsAlsoPrintsItsCountEveryTenSeconds() {
        JsonLines timed = new JsonLines(new PrintWriter(written, true), quiet(), () -> now[0]);
        for (int second = 0; second < 25; second++) {
            now[0] = second * 1_000_000_000L;
            for (int i = 0; i < 10; i++) {
                timed.error(closing());
            }
        }
        timed.finish();
        // 250 errors: the first printed at 0 s; at 10 s the 100 left out since (9 more in second 0, 10 in each of
        // 1-9, the first of second 10); at 20 s the next 100; the last 49 when the output ends. Each counted once.
        assertEquals(
                List.of(
                        CLOSING + "}",
                        CLOSING + ",\"repeats\":100}",
                        CLOSING + ",\"repeats\":100}",
                        CLOSING + ",\"repeats\":49}"),
                lines());
    }
}
