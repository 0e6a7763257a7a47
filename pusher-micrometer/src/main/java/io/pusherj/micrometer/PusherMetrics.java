package io.pusherj.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.Pusher;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reports a pusherj client to Micrometer, through the client's public API only:
 *
 * <ul>
 *   <li>{@code pusher.connection.state}: a gauge per state ({@code state} tag), 1 for the current one;
 *   <li>{@code pusher.connection.connects}: connections made ({@code transport} tag), a reconnect included;
 *   <li>{@code pusher.connection.errors}: connection errors ({@code type} tag, pusher-js's error types);
 *   <li>{@code pusher.connection.time.to.connected}: from {@code connecting} to {@code connected};
 *   <li>{@code pusher.events.received}: the application's events received on any channel, not the protocol's
 *       (no channel tag: channel names can be unbounded).
 * </ul>
 *
 * <pre>{@code
 * Pusher pusher = Pusher.create("app-key", options);
 * new PusherMetrics(pusher, Tags.of("app", "orders")).bindTo(registry);
 * }</pre>
 *
 * <p>Bind a client once; its listeners are added when bound and stay for the client's life. The meters are
 * updated on the client's strand, never under a lock of the caller's.
 */
public final class PusherMetrics implements MeterBinder {
    private final Pusher pusher;
    private final Iterable<Tag> tags;

    /**
     * Metrics for {@code pusher}, with {@code tags} on every meter (to tell several clients apart).
     *
     * @param pusher the client
     * @param tags tags for every meter
     */
    public PusherMetrics(Pusher pusher, Iterable<Tag> tags) {
        this.pusher = Objects.requireNonNull(pusher, "pusher");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    /**
     * Metrics for {@code pusher}, with no extra tags.
     *
     * @param pusher the client
     */
    public PusherMetrics(Pusher pusher) {
        this(pusher, Tags.empty());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder("pusher.connection.state", pusher, p -> p.connection().state() == state ? 1 : 0)
                    .tags(tags)
                    .tag("state", state.wireName())
                    .description("1 for the client's current connection state, 0 for the others")
                    .register(registry);
        }
        Timer timeToConnected = Timer.builder("pusher.connection.time.to.connected")
                .tags(tags)
                .description("From connecting to connected")
                .register(registry);
        long[] connectingSince = {0}; // the strand's alone: state changes are delivered one at a time
        pusher.connection().onStateChange(change -> {
            if (change.current() == ConnectionState.CONNECTING && change.previous() != ConnectionState.CONNECTING) {
                connectingSince[0] = System.nanoTime();
            }
            if (change.current() == ConnectionState.CONNECTED) {
                connected(registry, change, timeToConnected, connectingSince[0]);
            }
        });
        pusher.connection().onError(error -> errors(registry, error).increment());
        Counter received = Counter.builder("pusher.events.received")
                .tags(tags)
                .description("Events received on any channel")
                .register(registry);
        pusher.bindGlobal(event -> {
            // The application's events, not the protocol's (pusher:subscription_succeeded and the like).
            if (event.channelName().isPresent() && !event.eventName().startsWith("pusher:")) {
                received.increment();
            }
        });
    }

    private void connected(MeterRegistry registry, ConnectionStateChange change, Timer timer, long since) {
        if (since != 0) {
            timer.record(System.nanoTime() - since, TimeUnit.NANOSECONDS);
        }
        Counter.builder("pusher.connection.connects")
                .tags(tags)
                .tag("transport", pusher.connection().transport().orElse("unknown"))
                .description("Connections made, reconnects included")
                .register(registry)
                .increment();
    }

    private Counter errors(MeterRegistry registry, ConnectionError error) {
        return Counter.builder("pusher.connection.errors")
                .tags(tags)
                .tag("type", error.type().pusherJsName().toLowerCase(Locale.ROOT))
                .description("Connection errors, by pusher-js error type")
                .register(registry);
    }
}
