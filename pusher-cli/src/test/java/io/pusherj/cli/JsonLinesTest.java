package io.pusherj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The JSON-lines contract for errors that repeat: the first is printed, the run is summed up once. */
class JsonLinesTest {
    final StringWriter written = new StringWriter();
    final JsonLines out = new JsonLines(new PrintWriter(written, true), new StatusLine(new PrintWriter(new StringWriter()), false));

    static ConnectionError closing() {
        return new ConnectionError(ConnectionError.Type.PUSHER_ERROR, OptionalInt.of(4200), "Server is closing",
                Optional.of("ws"), Optional.empty());
    }

    List<String> lines() {
        return written.toString().lines().toList();
    }

    @Test
    void identicalErrorsInARowAreOneLineThenOneLineWithHowManyRepeated() {
        for (int i = 0; i < 500; i++) {
            out.error(closing());
        }
        out.state(new ConnectionStateChange(ConnectionState.CONNECTING, ConnectionState.CONNECTED, Optional.of("1.1")),
                Optional.of("1.1"));
        String error = "{\"type\":\"error\",\"code\":4200,\"message\":\"Server is closing\",\"error_type\":\"PusherError\"";
        assertEquals(List.of(error + "}", error + ",\"repeats\":499}",
                "{\"type\":\"state\",\"previous\":\"connecting\",\"current\":\"connected\",\"socket_id\":\"1.1\"}"), lines());
    }

    @Test
    void aRunStillOpenAtTheEndIsSummedUpAndDifferentErrorsArePrintedEach() {
        out.error(closing());
        out.error(new ConnectionError(ConnectionError.Type.TRANSPORT_ERROR, OptionalInt.empty(), "connection refused",
                Optional.of("ws"), Optional.empty()));
        out.error(closing());
        out.error(closing());
        out.finish();
        assertEquals(4, lines().size(), lines().toString());
        assertEquals(true, lines().get(3).endsWith(",\"repeats\":1}"), lines().get(3));
    }

    @Test
    void aLongRunOfRepeatsAlsoPrintsItsCountEveryTenSeconds() {
        long[] now = {0};
        JsonLines timed = new JsonLines(new PrintWriter(written, true),
                new StatusLine(new PrintWriter(new StringWriter()), false), () -> now[0]);
        for (int second = 0; second < 25; second++) {
            now[0] = second * 1_000_000_000L;
            for (int i = 0; i < 10; i++) {
                timed.error(closing());
            }
        }
        timed.finish();
        String error = "{\"type\":\"error\",\"code\":4200,\"message\":\"Server is closing\",\"error_type\":\"PusherError\"";
        // 250 errors: the first printed at 0 s; at 10 s the 100 left out since (9 more in second 0, 10 in each of
        // 1-9, the first of second 10); at 20 s the next 100; the last 49 when the output ends. Each counted once.
        assertEquals(List.of(error + "}", error + ",\"repeats\":100}", error + ",\"repeats\":100}", error + ",\"repeats\":49}"),
                lines());
    }
}
