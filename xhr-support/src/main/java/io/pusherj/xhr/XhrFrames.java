package io.pusherj.xhr;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an HTTP fallback response into lines and decodes each one (docs/protocol.md §11.4): the first
 * character is the frame type, {@code o} open (optional JSON), {@code a} a JSON array of messages,
 * {@code m} one message, {@code h} a heartbeat, {@code c} a close ({@code [code, "reason"]}). An
 * unfinished last line waits for more data. Not thread-safe: one per response.
 */
public final class XhrFrames {
    /** Receives decoded frames. */
    public interface Handler {
        /** {@code o}, with the JSON that followed it (empty when none). */
        void open(String json);

        /** One message of an {@code a} or {@code m} frame. */
        void message(String text);

        /** {@code h}. */
        void heartbeat();

        /** {@code c}. */
        void close(int code, String reason);

        /** A line that is none of these. */
        void malformed(String line);
    }

    /**
     * The longest line kept, in characters (16 MiB of memory). Far above any real frame (Pusher caps
     * messages at 10 KiB; a polling answer batches some), it bounds what a broken or hostile server can
     * make a client buffer: a longer line is reported as malformed and skipped to its end.
     */
    static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

    private final StringBuilder buffer = new StringBuilder();
    /** How much of {@link #buffer} is known to hold no newline, so a long line is scanned once. */
    private int scanned;

    private long consumedChars;
    /** Inside a line that grew past {@link #MAX_LINE_CHARS}: dropped up to its newline. */
    private boolean skipping;

    /** Adds response text and decodes every complete line. */
    public void feed(CharSequence chunk, Handler handler) {
        buffer.append(chunk);
        int start = 0;
        for (int i = scanned; i < buffer.length(); i++) {
            if (buffer.charAt(i) == '\n') {
                if (skipping) {
                    skipping = false;
                } else {
                    decodeLine(buffer.substring(start, i), handler);
                }
                start = i + 1;
            }
        }
        consumedChars += start;
        buffer.delete(0, start);
        scanned = buffer.length();
        if (buffer.length() > MAX_LINE_CHARS) {
            if (!skipping) {
                skipping = true;
                handler.malformed("a line longer than " + MAX_LINE_CHARS + " characters: " + buffer.substring(0, 80));
            }
            consumedChars += buffer.length();
            buffer.setLength(0);
            scanned = 0;
        }
    }

    /** Characters of an unfinished line held now (never more than {@link #MAX_LINE_CHARS}). */
    int pendingChars() {
        return buffer.length();
    }

    /** Characters of complete lines consumed so far (for the streaming rotation at 256 KiB). */
    public long consumedChars() {
        return consumedChars;
    }

    /** Whether everything fed has been consumed (no unfinished line). */
    public boolean isIdle() {
        return buffer.length() == 0 && !skipping;
    }

    static void decodeLine(String line, Handler handler) {
        if (line.isEmpty()) {
            return;
        }
        String payload = line.substring(1);
        switch (line.charAt(0)) {
            case 'o' -> handler.open(payload);
            case 'h' -> handler.heartbeat();
            case 'a' -> {
                List<String> messages = Json.stringArray(payload);
                if (messages == null) {
                    handler.malformed(line);
                } else {
                    messages.forEach(handler::message);
                }
            }
            case 'm' -> {
                String message = Json.string(payload);
                if (message == null) {
                    handler.malformed(line);
                } else {
                    handler.message(message);
                }
            }
            case 'c' -> {
                List<Object> close = Json.closeFrame(payload);
                if (close == null) {
                    handler.malformed(line);
                } else {
                    handler.close((Integer) close.get(0), (String) close.get(1));
                }
            }
            default -> handler.malformed(line);
        }
    }

    /** Tiny JSON readers for the frame payloads, with the shared JSON-P provider. */
    static final class Json {
        private static final JsonProvider JSON = JsonProvider.provider();

        private Json() {}

        static JsonValue parse(String text) {
            try (var r = JSON.createReader(new StringReader(text))) {
                return r.readValue();
            } catch (RuntimeException e) {
                return null;
            }
        }

        static List<String> stringArray(String text) {
            if (!(parse(text) instanceof JsonArray a)) {
                return null;
            }
            List<String> out = new ArrayList<>(a.size());
            for (JsonValue v : a) {
                if (!(v instanceof JsonString s)) {
                    return null;
                }
                out.add(s.getString());
            }
            return out;
        }

        static String string(String text) {
            return parse(text) instanceof JsonString s ? s.getString() : null;
        }

        static List<Object> closeFrame(String text) {
            if (parse(text) instanceof JsonArray a
                    && a.size() >= 2
                    && a.get(0) instanceof JsonNumber code
                    && a.get(1) instanceof JsonString reason) {
                return List.of(code.intValue(), reason.getString());
            }
            return null;
        }

        /** {@code ["text"]}: one message as the send body. */
        static String sendBody(String message) {
            return JSON.createArrayBuilder().add(message).build().toString();
        }

        /** The {@code hostname} of an open frame, if any. */
        static String hostname(String json) {
            return parse(json) instanceof JsonObject o && o.get("hostname") instanceof JsonString h
                    ? h.getString()
                    : null;
        }
    }
}
