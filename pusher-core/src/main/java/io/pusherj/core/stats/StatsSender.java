package io.pusherj.core.stats;

import io.pusherj.api.TimelineEntry;
import io.pusherj.api.spi.StatsTransport;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.core.runtime.Timer;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Sends the timeline to the stats service when {@code enableStats} is on (pusher-js
 * {@code timeline/timeline_sender.ts} with the XHR agent): on each {@code connected} and every 60 s after
 * {@code connect()}, only what was recorded since the last send, nothing when that is empty. A JSON answer
 * with {@code host} moves later sends there. Failures are only logged. One send at a time: a send due
 * while another waits for its answer goes when that answer came (the transport's stage completes within
 * its own timeout), so each {@code bundle} number follows from the answers before it (docs/decisions.md,
 * "Stats"). Strand only.
 */
public final class StatsSender implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StatsSender.class.getName());
    /** pusher-js sends every 60 s while connecting or connected. */
    static final long PERIOD_MILLIS = 60_000;

    private final Timeline timeline;
    private final StatsTransport transport;
    private final ClientLoop loop;
    private final StatsIdentity who;
    private String host;
    /** Sends that succeeded: the next payload's {@code bundle} is one more. */
    private int sent;

    private Timer periodic;
    /** Whether a request waits for its answer (the transport's stage completes, within its own timeout). */
    private boolean inFlight;
    /** A send came due while one was in flight: the TLS flag to send with when it is answered. */
    private Optional<Boolean> dueWithTLS = Optional.empty();

    private boolean closed;

    /**
     * @param timeline what to send
     * @param transport how to send it
     * @param loop the client's strand and timer
     * @param host the stats host until an answer names another
     * @param who what every request says about the client
     */
    public StatsSender(Timeline timeline, StatsTransport transport, ClientLoop loop, String host, StatsIdentity who) {
        this.timeline = timeline;
        this.transport = transport;
        this.loop = loop;
        this.host = host;
        this.who = who;
    }

    /** The client connects: sends every 60 s from now on, with the TLS flag it connects with. */
    public void connecting(boolean useTLS) {
        if (periodic == null) {
            schedule(useTLS);
        }
    }

    private void schedule(boolean useTLS) {
        periodic = loop.start(PERIOD_MILLIS, () -> {
            send(useTLS);
            schedule(useTLS);
        });
    }

    /** The client disconnects: no more periodic sends. */
    public void disconnected() {
        if (periodic != null) {
            periodic.cancel();
            periodic = null;
        }
    }

    /** Sends what was recorded since the last send, if anything. */
    public void send(boolean useTLS) {
        if (closed) {
            return;
        }
        if (inFlight) {
            dueWithTLS = Optional.of(useTLS); // the latest flag: the connection's, or the timer's if it came later
            return;
        }
        List<TimelineEntry> entries = timeline.takeUnsent();
        if (entries.isEmpty()) {
            return;
        }
        URI uri = StatsRequest.uri(useTLS, host, StatsRequest.payload(who, sent + 1, entries));
        inFlight = true;
        try {
            transport
                    .get(uri)
                    .whenComplete((body, failure) -> loop.strand().execute(() -> answered(uri, body, failure)));
        } catch (RuntimeException e) { // a transport that throws instead of failing its stage
            LOG.log(Level.DEBUG, "stats not sent to {0}: {1}", uri.getHost(), e.toString());
            inFlight = false;
        }
    }

    private void answered(URI uri, String body, Throwable failure) {
        inFlight = false;
        if (failure != null) {
            LOG.log(Level.DEBUG, "stats not sent to {0}: {1}", uri.getHost(), failure.toString());
        } else {
            sent++;
            movedTo(body).ifPresent(h -> host = h);
        }
        Optional<Boolean> due = dueWithTLS;
        dueWithTLS = Optional.empty();
        due.ifPresent(this::send);
    }

    private static Optional<String> movedTo(String body) {
        try (var reader = FrameCodec.json().createReader(new StringReader(body))) {
            return reader.readValue() instanceof JsonObject o
                            && o.get("host") instanceof JsonString h
                            && !h.getString().isBlank()
                    ? Optional.of(h.getString())
                    : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty(); // pusher-js ignores an answer it cannot parse
        }
    }

    /** The host later sends go to. */
    String host() {
        return host;
    }

    @Override
    public void close() {
        closed = true;
        disconnected();
        transport.close();
    }
}
