package io.pusherj.cli;

import io.pusherj.api.AuthError;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.DecryptionFailure;
import io.pusherj.api.Member;
import io.pusherj.api.Members;
import io.pusherj.api.PusherEvent;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final LongSupplier nanoTime;
    /**
     * The distinct errors printed lately, by their line, oldest first: an identical error within
     * {@link #REPEATS_EVERY_NANOS} of its last line is counted instead of printed.
     */
    private final Map<String, ErrorRun> errorRuns = new LinkedHashMap<>(16, 0.75f, true); // least recently seen first

    /** An error repeats silently for at most this long before a {@code repeats} line shows it goes on. */
    static final long REPEATS_EVERY_NANOS = 10_000_000_000L;
    /** Distinct errors tracked at once; the least recently seen is summed up and forgotten when a new one comes. */
    static final int MAX_TRACKED_ERRORS = 32;

    /** One distinct error: when its last line was printed, and how many identical ones were left out since. */
    private static final class ErrorRun {
        final Consumer<JsonGenerator> body;
        long printedAtNanos;
        int leftOut;

        ErrorRun(Consumer<JsonGenerator> body, long printedAtNanos) {
            this.body = body;
            this.printedAtNanos = printedAtNanos;
        }
    }

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
            g.write("type", "state")
                    .write("previous", change.previous().wireName())
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
     * Each distinct error is printed once; identical ones within 10 s of its last line are counted, whatever
     * other lines come between (a server closing every connection interleaves its errors with state and
     * {@code connecting_in} lines, and the transports racing each other interleave theirs). The first
     * identical error 10 s or more later prints the line again with {@code "repeats": N}, the errors left
     * out since its last line, this one included; with none left out it is printed plainly. Any other line
     * printed 10 s or more after an error's last line first prints its {@code repeats} line, if it has one
     * to print, and so does the end of the output.
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
        long now = nanoTime.getAsLong();
        ErrorRun run = errorRuns.get(text);
        if (run == null) {
            print(text);
            track(text, new ErrorRun(body, now));
        } else if (now - run.printedAtNanos < REPEATS_EVERY_NANOS) {
            run.leftOut++;
        } else if (run.leftOut == 0) {
            print(text);
            run.printedAtNanos = now;
        } else {
            run.leftOut++;
            printRepeats(run, now);
        }
    }

    private void track(String text, ErrorRun run) {
        if (errorRuns.size() >= MAX_TRACKED_ERRORS) {
            var eldest = errorRuns.entrySet().iterator();
            ErrorRun forgotten = eldest.next().getValue();
            eldest.remove();
            if (forgotten.leftOut > 0) {
                printRepeats(forgotten, nanoTime.getAsLong());
            }
        }
        errorRuns.put(text, run);
    }

    /** One line says how many repeats of an error were left out since its last line. */
    private void printRepeats(ErrorRun run, long now) {
        int n = run.leftOut;
        print(render(g -> {
            run.body.accept(g);
            g.write("repeats", n);
        }));
        run.leftOut = 0;
        run.printedAtNanos = now;
    }

    /** The output ends: every error with repeats left out is summed up. */
    synchronized void finish() {
        long now = nanoTime.getAsLong();
        errorRuns.values().stream().filter(run -> run.leftOut > 0).forEach(run -> printRepeats(run, now));
        errorRuns.clear();
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
    void subscriptionError(String channel, AuthError e) {
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
    void member(String type, String channel, Member m) {
        line(g -> g.write("type", type)
                .write("channel", channel)
                .write("user_id", m.id())
                .write("user_info", m.info()));
    }

    /** {@code {"type":"members","channel":"c","count":n,"me":"u"}}. */
    void members(String channel, Members members) {
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
    void decryptionFailure(DecryptionFailure f) {
        line(g -> g.write("type", "decryption_failure")
                .write("channel", f.channelName())
                .write("event", f.eventName()));
    }

    /** {@code {"type":"connecting_in","seconds":1}}, seconds rounded as pusher-js does. */
    void connectingIn(Duration delay) {
        line(g -> g.write("type", "connecting_in").write("seconds", Math.round(delay.toMillis() / 1000.0)));
    }

    private synchronized void line(Consumer<JsonGenerator> body) {
        printStaleRepeats();
        print(render(body));
    }

    /**
     * Before another line: errors whose repeats were left out for 10 s or more get their {@code repeats}
     * line now, so an outage that ended is summed up soon after, not at the next identical error.
     */
    private void printStaleRepeats() {
        long now = nanoTime.getAsLong();
        for (var it = errorRuns.values().iterator(); it.hasNext(); ) {
            ErrorRun run = it.next();
            if (now - run.printedAtNanos >= REPEATS_EVERY_NANOS) {
                if (run.leftOut > 0) {
                    printRepeats(run, now);
                }
                it.remove(); // quiet for 10 s: the next identical error is printed plainly anyway
            }
        }
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
