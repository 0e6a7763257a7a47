package io.pusherj.cli;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.PusherEvent;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The {@code listen} output contract: one JSON object per line, flushed at once. Field names and
 * shapes are fixed; other programs parse them (see the module README).
 */
final class JsonLines {
    private static final JsonProvider JSON = JsonProvider.provider();
    private final PrintWriter out;
    private final StatusLine status;
    /** The error line printed last, while no other line followed it; and how many repeats were left out. */
    private String lastError;
    private Consumer<JsonGenerator> lastErrorBody;
    private int repeats;
    /** When the last line of the current run of repeats was printed ({@link #nanoTime}). */
    private long runPrintedAtNanos;
    private final LongSupplier nanoTime;

    /** A long run of repeats still prints a {@code repeats} line this often, so the output shows it goes on. */
    static final long REPEATS_EVERY_NANOS = 10_000_000_000L;

    JsonLines(PrintWriter out, StatusLine status) {
        this(out, status, System::nanoTime);
    }

    JsonLines(PrintWriter out, StatusLine status, LongSupplier nanoTime) {
        this.out = out;
        this.status = status;
        this.nanoTime = nanoTime;
    }

    /** {@code {"type":"state","previous":"connecting","current":"connected","socket_id":"1.2"}}. */
    void state(ConnectionStateChange change, Optional<String> socketId) {
        line(g -> {
            g.write("type", "state").write("previous", change.previous().wireName())
                    .write("current", change.current().wireName());
            socketId.ifPresent(id -> g.write("socket_id", id));
        });
    }

    /** {@code {"type":"event","channel":"c","event":"e","data":<value>,"user_id":"u"}}. */
    void event(PusherEvent e) {
        line(g -> {
            g.write("type", "event");
            e.channelName().ifPresent(c -> g.write("channel", c));
            g.write("event", e.eventName()).write("data", e.json());
            e.userId().ifPresent(u -> g.write("user_id", u));
        });
    }

    /**
     * {@code {"type":"error","code":4004,"message":"…","error_type":"…"}}; code is null when there is none.
     * An error identical to the line just printed is not printed again: when the run of repeats ends (any
     * other line, or the end of the output), one line repeats it with {@code "repeats": N}, the number of
     * lines left out. A server closing every connection would otherwise print one line per attempt. A run
     * that goes on also prints such a line on the first repeat 10 s or more after its last line, N counting
     * from that line, so a long failure shows on the output while it lasts.
     */
    synchronized void error(ConnectionError e) {
        Consumer<JsonGenerator> body = g -> {
            g.write("type", "error");
            if (e.code().isPresent()) {
                g.write("code", e.code().getAsInt());
            } else {
                g.writeNull("code");
            }
            g.write("message", e.message()).write("error_type", e.type().pusherJsName());
        };
        String text = render(body);
        if (text.equals(lastError)) {
            repeats++;
            if (nanoTime.getAsLong() - runPrintedAtNanos >= REPEATS_EVERY_NANOS) {
                printRepeats();
            }
            return;
        }
        print(text);
        lastError = text;
        lastErrorBody = body;
        runPrintedAtNanos = nanoTime.getAsLong();
    }

    /** One line says how many repeats of the last error were left out since the run's last line. */
    private void printRepeats() {
        Consumer<JsonGenerator> body = lastErrorBody;
        int n = repeats;
        print(render(g -> {
            body.accept(g);
            g.write("repeats", n);
        }));
        repeats = 0;
        runPrintedAtNanos = nanoTime.getAsLong();
    }

    /** The run of repeated errors ended: one line says how many were left out. */
    private void endRepeats() {
        if (repeats > 0) {
            printRepeats();
        }
        repeats = 0;
        lastError = null;
        lastErrorBody = null;
    }

    /** The output ends: a run of repeated errors still open is summed up. */
    synchronized void finish() {
        endRepeats();
    }

    /** {@code {"type":"transport","name":"xhr_streaming"}}: the transport that connected. */
    void transport(String name) {
        line(g -> g.write("type", "transport").write("name", name));
    }

    /** {@code {"type":"subscribed","channel":"c"}}. */
    void subscribed(String channel) {
        line(g -> g.write("type", "subscribed").write("channel", channel));
    }

    /** {@code {"type":"subscription_error","channel":"c","status":403,"error":"…"}}; status is null when none. */
    void subscriptionError(String channel, io.pusherj.api.AuthError e) {
        line(g -> {
            g.write("type", "subscription_error").write("channel", channel);
            if (e.status().isPresent()) {
                g.write("status", e.status().getAsInt());
            } else {
                g.writeNull("status");
            }
            g.write("error", e.message());
        });
    }

    /** {@code {"type":"member_added"|"member_removed","channel":"c","user_id":"u","user_info":{…}}}. */
    void member(String type, String channel, io.pusherj.api.Member m) {
        line(g -> g.write("type", type).write("channel", channel).write("user_id", m.id()).write("user_info", m.info()));
    }

    /** {@code {"type":"members","channel":"c","count":n,"me":"u"}}. */
    void members(String channel, io.pusherj.api.Members members) {
        line(g -> {
            g.write("type", "members").write("channel", channel).write("count", members.count());
            members.me().ifPresent(me -> g.write("me", me.id()));
        });
    }

    /** {@code {"type":"signin","user_id":"u"}}. */
    void signin(String userId) {
        line(g -> g.write("type", "signin").write("user_id", userId));
    }

    /** {@code {"type":"decryption_failure","channel":"c","event":"e"}}. */
    void decryptionFailure(io.pusherj.api.DecryptionFailure f) {
        line(g -> g.write("type", "decryption_failure").write("channel", f.channelName()).write("event", f.eventName()));
    }

    /** {@code {"type":"connecting_in","seconds":1}}, seconds rounded as pusher-js does. */
    void connectingIn(Duration delay) {
        line(g -> g.write("type", "connecting_in").write("seconds", Math.round(delay.toMillis() / 1000.0)));
    }

    private synchronized void line(Consumer<JsonGenerator> body) {
        endRepeats();
        print(render(body));
    }

    private static String render(Consumer<JsonGenerator> body) {
        StringWriter w = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            body.accept(g);
            g.writeEnd();
        }
        return w.toString();
    }

    private void print(String text) {
        status.printAbove(() -> {
            out.println(text);
            out.flush();
        });
    }
}
