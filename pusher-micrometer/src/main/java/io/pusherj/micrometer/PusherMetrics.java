package io.pusherj.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pusherj.api.AuthRequestOutcome;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reports a pusherj client to Micrometer, through the client's public API only.
 *
 * <table>
 *   <caption>The meters</caption>
 *   <tr><th>meter</th><th>kind</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code pusher.connection.state}</td><td>gauge</td><td>{@code state}</td>
 *       <td>1 for the current one of the six states, 0 for the others</td></tr>
 *   <tr><td>{@code pusher.connection.connects}</td><td>counter</td><td>{@code transport}</td>
 *       <td>connections made, the first and every reconnect</td></tr>
 *   <tr><td>{@code pusher.connection.reconnects}</td><td>counter</td><td>{@code transport}</td>
 *       <td>connections made after the client's first</td></tr>
 *   <tr><td>{@code pusher.connection.errors}</td><td>counter</td><td>{@code type}, {@code code},
 *       {@code transport}</td><td>connection errors by pusher-js error type, close or error code and
 *       transport ({@code none} where an error has none); a listener that threw is
 *       {@code type=listenererror}</td></tr>
 *   <tr><td>{@code pusher.connection.time.to.connected}</td><td>timer</td><td></td>
 *       <td>from starting to connect (or losing the connection) to connected, across the retries in
 *       between</td></tr>
 *   <tr><td>{@code pusher.events.received}</td><td>counter</td><td>{@code channel}, if asked for</td>
 *       <td>the application's events received, not the protocol's</td></tr>
 *   <tr><td>{@code pusher.auth.requests}</td><td>timer</td><td>{@code kind} ({@code channel},
 *       {@code user}), {@code outcome} ({@code success}, {@code failure})</td>
 *       <td>channel authorizations and user authentications</td></tr>
 *   <tr><td>{@code pusher.inbound.queued}</td><td>gauge</td><td></td>
 *       <td>received frame text waiting for the listeners, in chars</td></tr>
 *   <tr><td>{@code pusher.subscriptions}</td><td>gauge</td><td>{@code state} ({@code subscribed},
 *       {@code pending})</td><td>the client's channels, confirmed by the server or not (yet)</td></tr>
 * </table>
 *
 * <pre>{@code
 * Pusher pusher = Pusher.create("app-key", options);
 * new PusherMetrics(pusher, Tags.of("app", "orders")).bindTo(registry);
 * // events per channel, for at most 50 channel names; the others count as channel=other
 * new PusherMetrics(pusher, Tags.of("app", "orders")).withChannelTags(50).bindTo(registry);
 * }</pre>
 *
 * <p>Bind a client once; its listeners are added when bound and stay for the client's life. The meters are
 * updated on the client's strand (or callback executor), never under a lock of the caller's. Immutable.
 */
public final class PusherMetrics implements MeterBinder {
    /** The {@code channel} tag of the events of channels past the limit. */
    static final String OTHER_CHANNELS = "other";

    private final Pusher pusher;
    private final Tags tags;
    private final int channelTagLimit;

    /**
     * Metrics for {@code pusher}, with {@code tags} on every meter (to tell several clients apart).
     *
     * @param pusher the client
     * @param tags tags for every meter
     */
    public PusherMetrics(Pusher pusher, Iterable<Tag> tags) {
        this(pusher, Tags.of(Objects.requireNonNull(tags, "tags")), 0);
    }

    /**
     * Metrics for {@code pusher}, with no extra tags.
     *
     * @param pusher the client
     */
    public PusherMetrics(Pusher pusher) {
        this(pusher, Tags.empty());
    }

    private PusherMetrics(Pusher pusher, Tags tags, int channelTagLimit) {
        this.pusher = Objects.requireNonNull(pusher, "pusher");
        this.tags = tags;
        this.channelTagLimit = channelTagLimit;
    }

    /**
     * The same metrics, with {@code pusher.events.received} counted per channel: a {@code channel} tag for
     * each of the first {@code limit} channel names seen, {@code channel=other} for the rest. Off by
     * default, since channel names can be unbounded (one per user or order) and every tag value is a time
     * series in the monitoring system.
     *
     * @param limit how many channel names get a tag of their own, at least 1
     * @return metrics with channel tags
     */
    public PusherMetrics withChannelTags(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return new PusherMetrics(pusher, tags, limit);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindConnection(registry);
        bindEvents(registry);
        bindAuth(registry);
        Gauge.builder("pusher.inbound.queued", pusher, p -> p.connection().queuedInboundChars())
                .tags(tags)
                .baseUnit("chars")
                .description("Received frame text waiting for the client's listeners")
                .register(registry);
        for (String state : new String[] {"subscribed", "pending"}) {
            boolean subscribed = state.equals("subscribed");
            Gauge.builder(
                            "pusher.subscriptions",
                            pusher,
                            p -> p.channels().stream()
                                    .filter(c -> c.isSubscribed() == subscribed)
                                    .count())
                    .tags(tags)
                    .tag("state", state)
                    .description("The client's channels, confirmed by the server (subscribed) or not yet")
                    .register(registry);
        }
    }

    private void bindConnection(MeterRegistry registry) {
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder("pusher.connection.state", pusher, p -> p.connection().state() == state ? 1 : 0)
                    .tags(tags)
                    .tag("state", state.wireName())
                    .description("1 for the client's current connection state, 0 for the others")
                    .register(registry);
        }
        Timer timeToConnected = Timer.builder("pusher.connection.time.to.connected")
                .tags(tags)
                .description("From starting to connect (or losing the connection) to connected, retries included")
                .register(registry);
        ConnectTimes times = new ConnectTimes(); // delivered one change at a time, in order
        pusher.connection().onStateChange(change -> {
            if (change.current() == ConnectionState.CONNECTING
                    && change.previous() != ConnectionState.UNAVAILABLE
                    && change.previous() != ConnectionState.CONNECTING) {
                times.connectingSince = System.nanoTime(); // a retry after unavailable keeps the first start
            }
            if (change.current() == ConnectionState.CONNECTED) {
                connected(registry, change, timeToConnected, times);
            }
        });
        pusher.connection().onError(error -> errors(registry, error).increment());
    }

    /** What the state listener remembers between changes. */
    private static final class ConnectTimes {
        long connectingSince;
        boolean connectedBefore;
    }

    private void connected(MeterRegistry registry, ConnectionStateChange change, Timer timer, ConnectTimes times) {
        if (times.connectingSince != 0) {
            timer.record(System.nanoTime() - times.connectingSince, TimeUnit.NANOSECONDS);
            times.connectingSince = 0;
        }
        String transport = pusher.connection().transport().orElse("unknown");
        Counter.builder("pusher.connection.connects")
                .tags(tags)
                .tag("transport", transport)
                .description("Connections made, the first and every reconnect")
                .register(registry)
                .increment();
        if (times.connectedBefore) {
            Counter.builder("pusher.connection.reconnects")
                    .tags(tags)
                    .tag("transport", transport)
                    .description("Connections made after the client's first")
                    .register(registry)
                    .increment();
        }
        times.connectedBefore = true;
    }

    private Counter errors(MeterRegistry registry, ConnectionError error) {
        return Counter.builder("pusher.connection.errors")
                .tags(tags)
                .tag("type", error.type().pusherJsName().toLowerCase(Locale.ROOT))
                .tag(
                        "code",
                        error.code().isPresent() ? Integer.toString(error.code().getAsInt()) : "none")
                .tag("transport", error.transport().orElse("none"))
                .description("Connection errors, by pusher-js error type, code and transport")
                .register(registry);
    }

    private void bindEvents(MeterRegistry registry) {
        if (channelTagLimit == 0) {
            Counter received = Counter.builder("pusher.events.received")
                    .tags(tags)
                    .description("The application's events received on any channel")
                    .register(registry);
            pusher.bindGlobal(event -> {
                if (isApplicationEvent(event)) {
                    received.increment();
                }
            });
        } else {
            ChannelCounters perChannel = new ChannelCounters(registry, tags, channelTagLimit);
            pusher.bindGlobal(event -> {
                if (isApplicationEvent(event)) {
                    perChannel.forChannel(event.channelName().orElseThrow()).increment();
                }
            });
        }
    }

    /** The application's events, not the protocol's ({@code pusher:subscription_succeeded} and the like). */
    private static boolean isApplicationEvent(PusherEvent event) {
        return event.channelName().isPresent() && !event.eventName().startsWith("pusher:");
    }

    private void bindAuth(MeterRegistry registry) {
        pusher.connection()
                .onAuthRequest(outcome -> authTimer(registry, outcome).record(outcome.duration()));
    }

    private Timer authTimer(MeterRegistry registry, AuthRequestOutcome outcome) {
        return Timer.builder("pusher.auth.requests")
                .tags(tags)
                .tag("kind", outcome.channelName().isPresent() ? "channel" : "user")
                .tag("outcome", outcome.succeeded() ? "success" : "failure")
                .description("Channel authorizations and user authentications, through the endpoint or a handler")
                .register(registry);
    }

    @Override
    public String toString() {
        return "PusherMetrics[" + tags + (channelTagLimit == 0 ? "" : ", channel tags for " + channelTagLimit) + "]";
    }
}
