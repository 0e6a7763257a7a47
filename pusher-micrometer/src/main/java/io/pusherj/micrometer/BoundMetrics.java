package io.pusherj.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.pusherj.api.AuthRequestOutcome;
import io.pusherj.api.Binding;
import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One client's meters in one registry, and the listeners that update them: made by
 * {@link PusherMetrics#bindTo}, closed with the client or by {@link PusherMetrics#close()}.
 *
 * <p>The meters with a known set of tags are registered at once, so a dashboard shows 0 rather than
 * nothing; those tagged by what happens (a transport, an error code) are registered on first use and then
 * kept here, so no event looks one up in the registry again.
 */
final class BoundMetrics {
    private final Pusher pusher;
    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, Counter> connects = new ConcurrentHashMap<>();
    private final Map<String, Counter> reconnects = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final ConnectTimes times = new ConnectTimes();
    private final Timer timeToConnected;
    private final Timer channelAuthorized;
    private final Timer channelRefused;
    private final Timer userAuthenticated;
    private final Timer userRefused;
    private volatile Flow.Subscription states;

    private BoundMetrics(Pusher pusher, MeterRegistry registry, Tags tags) {
        this.pusher = pusher;
        this.registry = registry;
        this.tags = tags;
        this.timeToConnected = register(Timer.builder("pusher.connection.time.to.connected")
                .tags(tags)
                .description("From starting to connect (or losing the connection) to connected, retries included"));
        this.channelAuthorized = authTimer("channel", "success");
        this.channelRefused = authTimer("channel", "failure");
        this.userAuthenticated = authTimer("user", "success");
        this.userRefused = authTimer("user", "failure");
    }

    /**
     * Registers the meters and adds the listeners; on failure (a registry that refuses a meter) takes back
     * what it did.
     *
     * @throws IllegalArgumentException if a client with the same tags is bound to {@code registry} already
     */
    static BoundMetrics bind(Pusher pusher, MeterRegistry registry, Tags tags, int channelTagLimit) {
        refuseSameTags(registry, tags);
        BoundMetrics m = new BoundMetrics(pusher, registry, tags);
        try {
            m.registerGauges();
            m.bindEvents(channelTagLimit);
            m.bindings.add(pusher.connection().onError(m::error));
            m.bindings.add(pusher.connection().onAuthRequest(m::authRequest));
            m.followStates();
            return m;
        } catch (RuntimeException | Error e) {
            m.close();
            throw e;
        }
    }

    /**
     * Two clients with the same tags in one registry would share every meter (Micrometer hands back the one
     * registered first): the gauges would show one client, and closing either would remove the other's.
     */
    private static void refuseSameTags(MeterRegistry registry, Tags tags) {
        List<Tag> expected = Tags.concat(tags, "state", ConnectionState.INITIALIZED.wireName()).stream()
                .sorted()
                .toList();
        boolean taken = registry.find("pusher.connection.state").gauges().stream()
                .anyMatch(g -> g.getId().getTags().stream().sorted().toList().equals(expected));
        if (taken) {
            throw new IllegalArgumentException("a pusherj client with the tags " + tags + " is bound to this registry"
                    + " already; give each client tags of its own (e.g. Tags.of(\"client\", \"orders\"))");
        }
    }

    private void registerGauges() {
        for (ConnectionState state : ConnectionState.values()) {
            register(Gauge.builder(
                            "pusher.connection.state",
                            pusher,
                            p -> p.connection().state() == state ? 1 : 0)
                    .tags(tags)
                    .tag("state", state.wireName())
                    .description("1 for the client's current connection state, 0 for the others"));
        }
        register(Gauge.builder(
                        "pusher.inbound.queued", pusher, p -> p.connection().queuedInboundChars())
                .tags(tags)
                .baseUnit("chars")
                .description("Received frame text waiting for the client's listeners"));
        subscriptions("subscribed", Channel::isSubscribed);
        subscriptions("pending", Channel::isSubscriptionPending);
        subscriptions("idle", c -> !c.isSubscribed() && !c.isSubscriptionPending());
    }

    private void subscriptions(String state, Predicate<Channel> inState) {
        register(Gauge.builder(
                        "pusher.subscriptions",
                        pusher,
                        p -> p.channels().stream().filter(inState).count())
                .tags(tags)
                .tag("state", state)
                .description("The client's channels: confirmed, asked for and not answered yet, or neither"));
    }

    private void bindEvents(int channelTagLimit) {
        if (channelTagLimit == 0) {
            Counter received = register(Counter.builder("pusher.events.received")
                    .tags(tags)
                    .description("The application's events received on any channel"));
            bindings.add(pusher.bindGlobal(event -> {
                if (isApplicationEvent(event)) {
                    received.increment();
                }
            }));
        } else {
            ChannelCounters perChannel = new ChannelCounters(tags, channelTagLimit, this::register);
            bindings.add(pusher.bindGlobal(event -> {
                if (isApplicationEvent(event)) {
                    perChannel.forChannel(event.channelName().orElseThrow()).increment();
                }
            }));
        }
    }

    /** The application's events, not the protocol's ({@code pusher:subscription_succeeded} and the like). */
    private static boolean isApplicationEvent(PusherEvent event) {
        return event.channelName().isPresent() && !event.eventName().startsWith("pusher:");
    }

    /**
     * Follows the state changes through the connection's own stream, which also says when the client is
     * closed. What happened before binding is read from the first change delivered (its previous state),
     * not from {@code state()}: a change already published but not yet delivered would count twice.
     */
    private void followStates() {
        long boundAt = System.nanoTime();
        pusher.connection().states(EventBuffer.dropOldest(16)).subscribe(new Flow.Subscriber<>() {
            private boolean first = true;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                states = subscription;
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ConnectionStateChange change) {
                if (first) {
                    first = false;
                    switch (change.previous()) {
                        case CONNECTING, UNAVAILABLE -> times.started(boundAt, false); // under way: timed from binding
                        case CONNECTED ->
                            times.connectedAlready(); // up when bound: not a connect, the next is a reconnect
                        default -> {}
                    }
                }
                stateChanged(change);
            }

            @Override
            public void onError(Throwable failure) {
                close(); // the stream cannot fail: its buffer is never full with everything requested
            }

            @Override
            public void onComplete() {
                close(); // the client was closed: a new one with the same tags starts afresh
            }
        });
    }

    private void stateChanged(ConnectionStateChange change) {
        if (change.current() == ConnectionState.CONNECTING) {
            // A retry after unavailable keeps the first start: the outage lasts until connected.
            boolean retry =
                    change.previous() == ConnectionState.UNAVAILABLE || change.previous() == ConnectionState.CONNECTING;
            times.started(System.nanoTime(), !retry);
        } else if (change.current() == ConnectionState.CONNECTED) {
            long since = times.startedAt();
            if (since != 0) {
                timeToConnected.record(System.nanoTime() - since, TimeUnit.NANOSECONDS);
            }
            String transport = pusher.connection().transport().orElse("unknown");
            counter(
                            connects,
                            transport,
                            "pusher.connection.connects",
                            "Connections made, the first and every reconnect")
                    .increment();
            if (times.connected()) {
                counter(reconnects, transport, "pusher.connection.reconnects", "Connections made after the first")
                        .increment();
            }
        }
    }

    private Counter counter(Map<String, Counter> byTransport, String transport, String name, String description) {
        return byTransport.computeIfAbsent(
                transport,
                t -> register(
                        Counter.builder(name).tags(tags).tag("transport", t).description(description)));
    }

    private void error(ConnectionError error) {
        String type = error.type().pusherJsName().toLowerCase(Locale.ROOT);
        String code = error.code().isPresent() ? Integer.toString(error.code().getAsInt()) : "none";
        String transport = error.transport().orElse("none");
        errors.computeIfAbsent(
                        type + ' ' + code + ' ' + transport,
                        k -> register(Counter.builder("pusher.connection.errors")
                                .tags(tags)
                                .tag("type", type)
                                .tag("code", code)
                                .tag("transport", transport)
                                .description("Connection errors, by pusher-js error type, code and transport")))
                .increment();
    }

    private void authRequest(AuthRequestOutcome outcome) {
        Timer timer = outcome.channelName().isPresent()
                ? (outcome.succeeded() ? channelAuthorized : channelRefused)
                : (outcome.succeeded() ? userAuthenticated : userRefused);
        timer.record(outcome.duration());
    }

    private Timer authTimer(String kind, String outcome) {
        return register(Timer.builder("pusher.auth.requests")
                .tags(tags)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .description("Channel authorizations and user authentications, through the endpoint or a handler"));
    }

    private Counter register(Counter.Builder builder) {
        return track(builder.register(registry));
    }

    private Timer register(Timer.Builder builder) {
        return track(builder.register(registry));
    }

    private <T> void register(Gauge.Builder<T> builder) {
        track(builder.register(registry));
    }

    private <M extends Meter> M track(M meter) {
        meters.add(meter);
        if (closed.get()) {
            registry.remove(meter); // registered by a listener that ran as close() took the others out
        }
        return meter;
    }

    /** Removes the listeners and the meters (once). */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Flow.Subscription s = states;
        if (s != null) {
            s.cancel();
        }
        bindings.forEach(Binding::unbind);
        meters.forEach(registry::remove);
    }

    /** When the current attempt to connect started, and whether the client connected before. */
    private static final class ConnectTimes {
        private long startedAt;
        private boolean connectedBefore;

        /** A connect started at {@code now}: a fresh start replaces the time, a retry keeps it. */
        synchronized void started(long now, boolean fresh) {
            if (fresh || startedAt == 0) {
                startedAt = now;
            }
        }

        /** {@return when the attempt that just connected started, 0 if unknown} */
        synchronized long startedAt() {
            return startedAt;
        }

        /** Connected: {@return whether it had connected before (a reconnect)} */
        synchronized boolean connected() {
            startedAt = 0;
            boolean again = connectedBefore;
            connectedBefore = true;
            return again;
        }

        /** Bound while connected: the next connection is a reconnect. */
        synchronized void connectedAlready() {
            connectedBefore = true;
        }
    }
}
