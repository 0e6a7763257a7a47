package io.pusherj.core;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.TimelineEntry;
import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.StatsTransportProvider;
import io.pusherj.api.spi.Transport;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.core.stats.StatsIdentity;
import io.pusherj.core.stats.StatsSender;
import io.pusherj.core.stats.Timeline;
import io.pusherj.core.strategy.AttemptListener;
import jakarta.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * What a client records about its connection (pusher-js {@code timeline/timeline.ts} and the entries
 * {@code pusher.ts} and {@code connection_manager.ts} add): states, errors, retries and every step of a
 * connection attempt, kept in the {@link Timeline} the application can read and, with {@code enableStats},
 * sent to the stats host by a {@link StatsSender} when one is on the path. Strand only.
 */
final class ClientTimeline implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ClientTimeline.class.getName());
    /** The entries of the states without parameters, shared by every client's timeline. */
    private static final Map<ConnectionState, JsonObject> STATES = stateEntries();

    private final Timeline timeline;
    private final ClientLoop loop;
    private final Consumer<TimelineEntry> publish;
    private final Optional<StatsSender> stats;

    /**
     * @param timeline where entries are kept
     * @param loop the client's strand and timer (entries' times)
     * @param publish hands each new entry to the timeline listeners
     * @param stats sends the timeline, with {@code enableStats}
     */
    ClientTimeline(Timeline timeline, ClientLoop loop, Consumer<TimelineEntry> publish, Optional<StatsSender> stats) {
        this.timeline = timeline;
        this.loop = loop;
        this.publish = publish;
        this.stats = stats;
    }

    /**
     * The stats sender of a client with {@code enableStats} on, when a stats transport is on the path (the
     * HTTP client module brings one); without one the timeline is only kept in memory, and a warning says
     * what to add.
     */
    static Optional<StatsSender> statsSender(
            String key,
            PusherOptions options,
            Map<String, Transport> transports,
            ProviderContext client,
            Timeline timeline,
            ClientLoop loop) {
        if (!options.statsEnabled()) {
            return Optional.empty();
        }
        var providers = Services.of(StatsTransportProvider.class);
        if (providers.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "enableStats is on, but no stats transport is on the path: add pusher-http-client"
                            + " (pusher-auth-ajax and the HTTP transports bring it); the timeline is only kept in memory");
            return Optional.empty();
        }
        StatsIdentity who = new StatsIdentity(
                ThreadLocalRandom.current().nextInt(1_000_000_000),
                key,
                LibraryInfo.CLIENT_NAME,
                LibraryInfo.VERSION,
                options.cluster(),
                transports.containsKey("ws") ? List.of("ws") : List.of(),
                options.timelineParams());
        return Optional.of(new StatsSender(timeline, providers.get(0).create(client), loop, options.statsHost(), who));
    }

    /** {@return the listener of connection attempts: failures go to {@code failed}, every step to the timeline} */
    AttemptListener attempts(Consumer<ConnectionError> failed) {
        return new AttemptListener() {
            @Override
            public void failed(ConnectionError error) {
                failed.accept(error);
            }

            @Override
            public void step(JsonObject step) {
                record(TimelineEntry.Level.INFO, step);
            }
        };
    }

    /** The state changed; {@code socketId} is the new connection's when {@code current} is connected. */
    void stateChanged(ConnectionState current, String socketId) {
        if (current != ConnectionState.CONNECTED) {
            publish.accept(timeline.recordShared(loop.now(), TimelineEntry.Level.INFO, STATES.get(current)));
            return;
        }
        record(
                TimelineEntry.Level.INFO,
                FrameCodec.json()
                        .createObjectBuilder()
                        .add("state", current.wireName())
                        .add("params", FrameCodec.json().createObjectBuilder().add("socket_id", socketId))
                        .build());
    }

    /** The client is connected and everyone was told: the timeline so far goes to the stats host. */
    void connected(boolean usingTLS) {
        stats.ifPresent(s -> s.send(usingTLS)); // pusher-js: on every connected
    }

    /** A connection error. */
    void error(ConnectionError error) {
        var detail = FrameCodec.json()
                .createObjectBuilder()
                .add("type", error.type().pusherJsName())
                .add("message", error.message());
        error.code().ifPresent(c -> detail.add("code", c));
        error.transport().ifPresent(t -> detail.add("transport", t));
        record(
                TimelineEntry.Level.ERROR,
                FrameCodec.json().createObjectBuilder().add("error", detail).build());
    }

    /** A reconnect was scheduled in {@code delayMillis}. */
    void connectingIn(long delayMillis) {
        record(
                TimelineEntry.Level.INFO,
                FrameCodec.json()
                        .createObjectBuilder()
                        .add("action", "retry")
                        .add("delay", delayMillis)
                        .build());
    }

    /** The application called {@code connect()}: stats are sent every minute from now on. */
    void connecting(boolean usingTLS) {
        stats.ifPresent(s -> s.connecting(usingTLS));
    }

    /** The application called {@code disconnect()}: the periodic stats stop. */
    void disconnected() {
        stats.ifPresent(StatsSender::disconnected);
    }

    @Override
    public void close() {
        stats.ifPresent(StatsSender::close);
    }

    private static Map<ConnectionState, JsonObject> stateEntries() {
        Map<ConnectionState, JsonObject> entries = new EnumMap<>(ConnectionState.class);
        for (ConnectionState state : ConnectionState.values()) {
            if (state != ConnectionState.CONNECTED) { // connected's entry carries the socket id
                entries.put(
                        state,
                        FrameCodec.json()
                                .createObjectBuilder()
                                .add("state", state.wireName())
                                .build());
            }
        }
        return entries;
    }

    private void record(TimelineEntry.Level level, JsonObject data) {
        publish.accept(timeline.record(loop.now(), level, data));
    }
}
