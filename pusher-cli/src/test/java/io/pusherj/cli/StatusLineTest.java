package io.pusherj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.Binding;
import io.pusherj.api.Connection;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.TimelineEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * On a terminal, stdout and stderr share one screen. This test writes both into one buffer, as the
 * terminal receives them, and replays it the way a terminal draws it ({@code \r}, erase-line, newline).
 */
class StatusLineTest {
    /** The lines a terminal shows for what was written to it. */
    static List<String> screen(String written) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (written.startsWith("\033[K", i)) {
                i += 2;
            } else if (c == '\r') {
                line.setLength(0); // the cursor returns; the erase-line that follows clears the rest
            } else if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    @Test
    void everyJsonLineStandsOnItsOwnLineAndTheStatusStaysBelow() {
        StringWriter terminal = new StringWriter();
        PrintWriter stdout = new PrintWriter(terminal, true);
        PrintWriter stderr = new PrintWriter(terminal, true);
        StatusLine status = new StatusLine(stderr, true);
        JsonLines out = new JsonLines(stdout, status);
        FakeConnection c = new FakeConnection();

        c.state = ConnectionState.CONNECTED;
        status.update(c);
        out.subscribed("news");
        status.eventReceived(c);
        out.transport("ws");
        status.finish();

        assertEquals(
                List.of(
                        "{\"type\":\"subscribed\",\"channel\":\"news\"}",
                        "{\"type\":\"transport\",\"name\":\"ws\"}",
                        "connected · transport ws · events 1",
                        ""),
                screen(terminal.toString()));
    }

    @Test
    void offATerminalNothingButTheJsonLinesIsWritten() {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        StatusLine status = new StatusLine(new PrintWriter(stderr, true), false);
        JsonLines out = new JsonLines(new PrintWriter(stdout, true), status);
        status.update(new FakeConnection());
        out.subscribed("news");
        status.finish();
        assertEquals("", stderr.toString());
        assertEquals("{\"type\":\"subscribed\",\"channel\":\"news\"}" + System.lineSeparator(), stdout.toString());
    }

    /** Only what the status line reads. */
    static final class FakeConnection implements Connection {
        ConnectionState state = ConnectionState.CONNECTING;

        @Override
        public ConnectionState state() {
            return state;
        }

        @Override
        public Optional<String> socketId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> transport() {
            return state == ConnectionState.CONNECTED ? Optional.of("ws") : Optional.empty();
        }

        @Override
        public Binding onStateChange(Consumer<ConnectionStateChange> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Binding onState(ConnectionState s, Consumer<ConnectionStateChange> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Binding onError(Consumer<ConnectionError> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Binding onConnectingIn(Consumer<Duration> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TimelineEntry> timeline() {
            return List.of();
        }

        @Override
        public Binding onTimeline(Consumer<TimelineEntry> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void networkOnline() {}

        @Override
        public void networkOffline() {}
    }
}
