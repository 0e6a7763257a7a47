package io.pusherj.core;

import io.pusherj.api.AuthError;
import io.pusherj.api.Binding;
import io.pusherj.api.Channel;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.Connection;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.EncryptedChannel;
import io.pusherj.api.EventListener;
import io.pusherj.api.EventNames;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.PrivateChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherException;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.TimelineEntry;
import io.pusherj.api.User;
import io.pusherj.api.spi.StatsTransportProvider;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.core.auth.AuthErrors;
import io.pusherj.core.auth.Authorizer;
import io.pusherj.core.connection.ConnectionManager;
import io.pusherj.core.connection.Errors;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.runtime.Clock;
import io.pusherj.core.runtime.BoundedExecutor;
import io.pusherj.core.runtime.InboundQueue;
import io.pusherj.core.runtime.SerialExecutor;
import io.pusherj.core.runtime.SharedRuntime;
import io.pusherj.core.runtime.Timer;
import io.pusherj.core.stats.StatsIdentity;
import io.pusherj.core.stats.StatsSender;
import io.pusherj.core.stats.Timeline;
import io.pusherj.core.strategy.AttemptListener;
import io.pusherj.core.strategy.DefaultStrategy;
import io.pusherj.core.strategy.TransportManagers;
import io.pusherj.core.strategy.TransportStrategy;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The client (pusher-js {@code core/pusher.ts}). Public methods hand work to the client's strand and
 * return at once; all protocol state is touched only there.
 */
final class PusherClient implements Pusher, ConnectionManager.Listener, ChannelImpl.Host {
    private static final System.Logger LOG = System.getLogger(PusherClient.class.getName());
    private static final long CLOSE_WAIT_SECONDS = 5;
    /** Calls of application auth code one client may run at once on the shared auth pool. */
    private static final int AUTH_CALLS_PER_CLIENT = 4;

    private final String key;
    private final PusherOptions options;
    private final SharedRuntime runtime;
    private final SerialExecutor strand;
    private final Map<String, Transport> transports;
    private final String missingTransports;
    private final ConnectionManager manager;
    private final ConnectionImpl connection;
    private final Delivery delivery;
    private final Map<String, ChannelImpl> channels = new ConcurrentHashMap<>();
    /** The "abandoned" flags of auth steps under way (strand only). */
    private final List<AtomicBoolean> authStepsInFlight = new java.util.ArrayList<>();
    /**
     * Unsubscribed channel objects whose subscription may still be answered, by name: put here by
     * {@code unsubscribe} at the call (so an answer already on its way finds them), taken out on the strand
     * once nothing is pending, or when the answer came, failed, or a new object took the subscription over.
     */
    private final Map<String, ChannelImpl> retiredChannels = new ConcurrentHashMap<>();
    private final Listeners<EventListener> globalListeners = new Listeners<>();
    /** Client-level bindings by event name (pusher-js {@code pusher.bind}). */
    private final Map<String, Listeners<EventListener>> eventListeners = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Authorizer authorizer;
    private final Clock clock;
    private final UserImpl user;
    private final Timeline timeline = new Timeline();
    /** Sends the timeline when {@code enableStats} is on and a stats transport is present; else null. */
    private final StatsSender stats;
    /** Connection attempts: failures to the error event, every step to the timeline. */
    private final AttemptListener attempts = new AttemptListener() {
        @Override
        public void failed(ConnectionError error) {
            onError(error);
        }

        @Override
        public void step(JsonObject step) {
            record(TimelineEntry.Level.INFO, step);
        }
    };

    PusherClient(String key, PusherOptions options) {
        this.key = key;
        this.options = options;
        this.runtime = SharedRuntime.acquire();
        // What the constructor has opened so far, closed again if a later step fails (no leaked leases).
        Authorizer openedAuthorizer = null;
        Map<String, Transport> openedTransports = null;
        try {
            this.strand = new SerialExecutor(runtime.pool());
            InboundQueue inbound = new InboundQueue(strand::executeInline, options.maxQueuedInboundChars());
            this.clock = new Clock(strand, inbound, options.scheduler().orElse(runtime.scheduler()));
            io.pusherj.api.TransportCache transportCache = options.transportCache().orElseGet(io.pusherj.api.TransportCache::inMemory);
            // Application auth code never runs on the strand or the strand pool: it may block. A client runs
            // at most AUTH_CALLS_PER_CLIENT at once, so a hung backend cannot take every shared auth thread.
            openedAuthorizer = new Authorizer(options, new BoundedExecutor(runtime.authPool(), AUTH_CALLS_PER_CLIENT));
            this.authorizer = openedAuthorizer;
            TransportRegistry registry = new TransportRegistry(options.transportProviders());
            openedTransports = registry.createAllowed(options);
            this.transports = openedTransports;
            this.missingTransports = registry.missingEnabledTransports(options);
            this.delivery = new Delivery(options.callbackExecutor(), inbound);
            this.user = new UserImpl(delivery, (event, data) -> manager().sendEvent(event, data, null),
                    this::listenerFailed);
            this.connection = new ConnectionImpl(delivery, timeline, new ConnectionErrorLog(clock::now),
                    () -> strand.execute(() -> manager().networkOnline()),
                    () -> strand.execute(() -> manager().networkOffline()));
            // One set of transport managers per TLS flag, as pusher-js has one tree per flag.
            TransportManagers plainManagers = new TransportManagers(options.activityTimeout().toMillis());
            TransportManagers tlsManagers = new TransportManagers(options.activityTimeout().toMillis());
            this.manager = new ConnectionManager(options, clock, useTLS -> DefaultStrategy.build(useTLS,
                    transports::get,
                    (name, tls) -> new TransportRequest(key, tls, options, LibraryInfo.CLIENT_NAME, LibraryInfo.VERSION),
                    (name, transport, request, lives) -> new TransportStrategy(name, transport, request, clock,
                            attempts, lives),
                    useTLS ? tlsManagers : plainManagers, transportCache,
                    "pusherTransport" + (useTLS ? "TLS" : "NonTLS") + ":" + key, clock,
                    options.reconnectBackoff().orElse(null)), this);
            this.stats = options.statsEnabled() ? statsSender(key, options) : null;
        } catch (RuntimeException | Error e) {
            if (openedTransports != null) {
                openedTransports.values().forEach(PusherClient::closeQuietly);
            }
            if (openedAuthorizer != null) {
                openedAuthorizer.close();
            }
            runtime.release();
            throw e;
        }
        LOG.log(Level.DEBUG, () -> "client for key " + key + " with transports " + transports.keySet() + ", " + options);
        if (options.wsHost().isPresent() && options.httpHost().isEmpty()
                && (transports.containsKey("xhr_streaming") || transports.containsKey("xhr_polling") || transports.containsKey("sockjs"))) {
            // pusher-js would send the fallbacks of a self-hosted app to sockjs-CLUSTER.pusher.com.
            LOG.log(Level.DEBUG, "HTTP fallbacks go to wsHost {0} (no httpHost set), not to pusher.com", options.effectiveHttpHost());
        }
        if (options.autoConnect()) {
            connect();
        }
    }

    private ConnectionManager manager() {
        return manager;
    }

    private StatsSender statsSender(String key, PusherOptions options) {
        var providers = Services.of(StatsTransportProvider.class);
        if (providers.isEmpty()) {
            LOG.log(Level.WARNING, "enableStats is on, but no stats transport is on the path: add pusher-http-client"
                    + " (pusher-auth-ajax and the HTTP transports bring it); the timeline is only kept in memory");
            return null;
        }
        StatsIdentity who = new StatsIdentity(ThreadLocalRandom.current().nextInt(1_000_000_000), key,
                LibraryInfo.CLIENT_NAME, LibraryInfo.VERSION, options.cluster(),
                transports.containsKey("ws") ? List.of("ws") : List.of(), options.timelineParams());
        return new StatsSender(timeline, providers.get(0).create(options), clock, options.statsHost(), who);
    }

    /** Records a timeline entry and hands it to the timeline listeners (strand). */
    private void record(TimelineEntry.Level level, JsonObject data) {
        connection.publishTimeline(timeline.record(clock.now(), level, data));
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public PusherOptions options() {
        return options;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void connect() {
        ensureOpen();
        strand.execute(() -> {
            if (closed.get()) {
                return; // close() ran in between: a closed client stays closed
            }
            manager.connect();
            if (stats != null) {
                stats.connecting(manager.isUsingTLS());
            }
        });
    }

    @Override
    public void disconnect() {
        if (!closed.get()) {
            strand.execute(() -> {
                manager.disconnect();
                if (stats != null) {
                    stats.disconnected();
                }
            });
        }
    }

    @Override
    public Channel subscribe(String channelName) {
        return subscribe(channelName, channel -> { });
    }

    @Override
    public Channel subscribe(String channelName, Consumer<? super Channel> setup) {
        return subscribeAs(channelName, Channel.class, setup);
    }

    /**
     * Finds or creates the channel, lets {@code setup} bind listeners on the calling thread, and only then
     * hands the subscription to the strand, so no event can beat the bindings: while a setup runs, a
     * connection made meanwhile leaves the channel to this call's strand task. A setup that throws leaves
     * no channel behind (unless another call wants the same one).
     */
    private <C extends Channel> C subscribeAs(String channelName, Class<C> kind, Consumer<? super C> setup) {
        ensureOpen();
        Objects.requireNonNull(setup, "setup");
        ChannelNames.validate(channelName);
        if (channelName.startsWith("private-encrypted-")) {
            SecretBoxes.require(channelName);
        }
        ChannelImpl channel = channels.compute(channelName, (name, existing) -> {
            ChannelImpl c = existing != null ? existing : newChannel(name);
            c.setupStarted(); // in the table's lock: a connection that sees the channel sees it is being set up
            return c;
        });
        C typed = kind.cast(channel);
        try {
            setup.accept(typed);
        } catch (Throwable e) { // a Kotlin setup may throw a checked exception undeclared
            strand.execute(() -> {
                channel.setupFinished();
                if (!channel.isWanted() && !channel.isBeingSetUp()) {
                    channels.remove(channelName, channel);
                    channel.retire();
                }
            });
            throw e;
        }
        channel.markWanted();
        strand.execute(() -> {
            channel.setupFinished();
            if (!closed.get() && !channel.isRetired()) {
                subscribeOnStrand(channel);
            }
        });
        return typed;
    }

    /** The channel class by name prefix, in pusher-js's order (docs/protocol.md §4.1). */
    private ChannelImpl newChannel(String name) {
        if (name.startsWith("private-encrypted-")) {
            return new EncryptedChannelImpl(name, this, SecretBoxes.require(name));
        }
        if (name.startsWith("private-")) {
            return new PrivateChannelImpl(name, this);
        }
        if (name.startsWith("presence-")) {
            return new PresenceChannelImpl(name, this);
        }
        return new ChannelImpl(name, this);
    }

    @Override
    public PrivateChannel subscribePrivate(String channelName) {
        return subscribePrivate(channelName, channel -> { });
    }

    @Override
    public PrivateChannel subscribePrivate(String channelName, Consumer<? super PrivateChannel> setup) {
        Objects.requireNonNull(channelName, "channelName");
        if (!channelName.startsWith("private-") || channelName.startsWith("private-encrypted-")) {
            throw new IllegalArgumentException("subscribePrivate needs a 'private-' channel name (not encrypted), got '"
                    + channelName + "'");
        }
        return subscribeAs(channelName, PrivateChannel.class, setup);
    }

    @Override
    public EncryptedChannel subscribeEncrypted(String channelName) {
        return subscribeEncrypted(channelName, channel -> { });
    }

    @Override
    public EncryptedChannel subscribeEncrypted(String channelName, Consumer<? super EncryptedChannel> setup) {
        Objects.requireNonNull(channelName, "channelName");
        if (!channelName.startsWith("private-encrypted-")) {
            throw new IllegalArgumentException("subscribeEncrypted needs a 'private-encrypted-' channel name, got '"
                    + channelName + "'");
        }
        return subscribeAs(channelName, EncryptedChannel.class, setup);
    }

    @Override
    public PresenceChannel subscribePresence(String channelName) {
        return subscribePresence(channelName, channel -> { });
    }

    @Override
    public PresenceChannel subscribePresence(String channelName, Consumer<? super PresenceChannel> setup) {
        Objects.requireNonNull(channelName, "channelName");
        if (!channelName.startsWith("presence-")) {
            throw new IllegalArgumentException("subscribePresence needs a 'presence-' channel name, got '" + channelName + "'");
        }
        return subscribeAs(channelName, PresenceChannel.class, setup);
    }

    /** pusher-js {@code Pusher.subscribe} for one channel object, on the strand. */
    private void subscribeOnStrand(ChannelImpl channel) {
        if (channel.isBeingSetUp() || channel.isRetired()) {
            return; // its own subscribe task, queued after the setup, comes later (or it was unsubscribed)
        }
        if (channel.isSubscriptionPending() && channel.isSubscriptionCancelled()) {
            channel.reinstateSubscription();
            return;
        }
        if (channel.isSubscriptionPending() || manager.state() != ConnectionState.CONNECTED) {
            return;
        }
        ChannelImpl retired = retiredChannels.get(channel.name());
        if (retired != null && retired.isSubscriptionPending() && retiredChannels.remove(channel.name(), retired)) {
            channel.takeOverPendingSubscription(retired);
        } else {
            channel.subscribe();
        }
    }

    @Override
    public void unsubscribe(String channelName) {
        Objects.requireNonNull(channelName, "channelName");
        if (closed.get()) {
            return;
        }
        // Out of the table at once, so a subscribe that follows makes a new object whether or not the
        // strand has sent this unsubscribe yet (pusher-js keeps the object while its subscription is
        // pending; here the new object takes that subscription over: docs/decisions.md, Channel objects).
        ChannelImpl channel = channels.get(channelName);
        if (channel != null && channels.remove(channelName, channel)) {
            channel.retire();
            retiredChannels.put(channelName, channel);
            strand.execute(() -> unsubscribeOnStrand(channel));
        }
    }

    /** pusher-js {@code Pusher.unsubscribe} for a channel object taken out of the table (strand). */
    private void unsubscribeOnStrand(ChannelImpl channel) {
        if (channel.isSubscriptionPending()) {
            // The server's answer is still to come: unsubscribe when it succeeds (pusher-js's cancel).
            channel.cancelSubscription();
            return;
        }
        retiredChannels.remove(channel.name(), channel);
        if (channel.isSubscribed()) {
            channel.unsubscribe();
        }
    }

    @Override
    public void cancelledSubscriptionSucceeded(ChannelImpl channel) {
        retiredChannels.remove(channel.name(), channel);
        channel.unsubscribe();
    }

    @Override
    public void cancelledSubscriptionEnded(ChannelImpl channel) {
        retiredChannels.remove(channel.name(), channel);
    }

    @Override
    public void signin() {
        ensureOpen();
        strand.execute(() -> {
            if (closed.get()) {
                return;
            }
            user.requestSignin();
            if (user.needsSignin() && manager.state() == ConnectionState.CONNECTED) {
                startSignin();
            }
        });
    }

    @Override
    public User user() {
        return user;
    }

    /**
     * pusher-js {@code user.signin}: authenticate, then send {@code pusher:signin} (strand). The server's
     * answer is awaited for the user auth timeout too: some Pusher-protocol servers ignore
     * {@code pusher:signin}, and presence subscriptions waiting for the sign-in must not wait forever.
     */
    private void startSignin() {
        int attempt = user.signinStarted();
        long timeout = authorizer.userTimeoutMillis();
        onStrandWhenDone("user sign-in", timeout, authorizer::authenticate, (auth, failure) -> {
            if (failure != null) {
                user.signinFailed(failure);
                return;
            }
            manager.sendEvent("pusher:signin", FrameCodec.json().createObjectBuilder().add("auth", auth.auth())
                    .add("user_data", auth.userData()).build(), null);
            clock.start(timeout, () -> {
                if (user.isInFlight(attempt)) {
                    user.signinFailed(io.pusherj.core.auth.AuthErrors.error("the server did not answer pusher:signin within "
                            + timeout + " ms", java.util.OptionalInt.empty()));
                }
            });
        });
    }

    @Override
    public List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    @Override
    public Optional<Channel> channel(String channelName) {
        return Optional.ofNullable(channels.get(Objects.requireNonNull(channelName, "channelName")));
    }

    @Override
    public <C extends Channel> Optional<C> channel(String channelName, Class<C> kind) {
        Objects.requireNonNull(kind, "kind");
        return channel(channelName).filter(kind::isInstance).map(kind::cast);
    }

    @Override
    public Binding bindGlobal(EventListener listener) {
        return globalListeners.add(listener);
    }

    @Override
    public Binding bind(String eventName, EventListener listener) {
        Objects.requireNonNull(eventName, "eventName");
        return eventListeners.computeIfAbsent(eventName, k -> new Listeners<>()).add(listener);
    }

    @Override
    public void unbind(String eventName) {
        eventListeners.remove(Objects.requireNonNull(eventName, "eventName"));
    }

    @Override
    public void unbindAll() {
        globalListeners.clear();
        eventListeners.clear();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Called from a listener (on the strand) close() cannot wait for its own task; the task then
        // releases the shared runtime itself, when it has run: released here first, the last client's
        // pool would refuse the queued close task and the socket would stay open.
        boolean onStrand = strand.isCurrentThread();
        CountDownLatch done = new CountDownLatch(1);
        strand.execute(() -> {
            try {
                manager.disconnect();
                if (stats != null) {
                    stats.close();
                }
                transports.values().forEach(PusherClient::closeQuietly);
                authorizer.close();
            } finally {
                done.countDown();
                if (onStrand) {
                    runtime.release();
                }
            }
        });
        if (onStrand) {
            return;
        }
        try {
            if (!done.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "pusherj client did not finish closing within " + CLOSE_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.release();
    }

    private static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transport " + t.name() + " failed to close", e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this pusherj client is closed; create a new one");
        }
    }

    // ConnectionManager.Listener, on the strand.

    @Override
    public void onStateChange(ConnectionState previous, ConnectionState current) {
        var entry = FrameCodec.json().createObjectBuilder().add("state", current.wireName());
        if (current == ConnectionState.CONNECTED) {
            entry.add("params", FrameCodec.json().createObjectBuilder().add("socket_id", manager.socketId()));
        }
        record(TimelineEntry.Level.INFO, entry.build());
        if (current == ConnectionState.CONNECTING || current == ConnectionState.DISCONNECTED) {
            abandonAuthSteps();
            user.connectionLost();
            channels.values().forEach(ChannelImpl::disconnect);
            // pusher-js would resubscribe a channel whose pending subscription was cancelled; drop it instead.
            retiredChannels.clear();
        }
        if (current == ConnectionState.FAILED && missingTransports != null) {
            onError(Errors.of(ConnectionError.Type.TRANSPORT_ERROR, missingTransports, null, null));
        }
        if (current == ConnectionState.CONNECTED) {
            // Before the listeners hear of it, as in pusher-js (its own connected handler was bound first):
            // a listener's unsubscribe(x) then cancels x's subscription, as it would there, instead of
            // racing the loop; and a listener that throws cannot keep channels from subscribing.
            if (user.needsSignin()) {
                startSignin();
            }
            channels.values().forEach(this::subscribeOnStrand);
        }
        connection.publishState(new ConnectionStateChange(previous, current, Optional.ofNullable(manager.socketId())), manager.socketId(),
                current == ConnectionState.CONNECTED ? manager.connection().transportName() : null);
        if (current == ConnectionState.CONNECTED) {
            Frame established = manager.connection().takeEstablishedFrame();
            if (established != null) {
                deliverGlobal(established);
            }
        } else if (current == ConnectionState.FAILED) {
            deliverGlobal(new Frame(EventNames.CONNECTION_FAILED, null, null, null));
        }
        if (current == ConnectionState.CONNECTED && stats != null) {
            stats.send(manager.isUsingTLS()); // pusher-js: on every connected
        }
    }

    @Override
    public void onError(ConnectionError error) {
        var detail = FrameCodec.json().createObjectBuilder().add("type", error.type().pusherJsName())
                .add("message", error.message());
        error.code().ifPresent(c -> detail.add("code", c));
        error.transport().ifPresent(t -> detail.add("transport", t));
        record(TimelineEntry.Level.ERROR, FrameCodec.json().createObjectBuilder().add("error", detail).build());
        connection.publishError(error);
    }

    @Override
    public void onConnectingIn(long delayMillis) {
        record(TimelineEntry.Level.INFO, FrameCodec.json().createObjectBuilder().add("action", "retry")
                .add("delay", delayMillis).build());
        connection.publishConnectingIn(delayMillis);
    }

    @Override
    public void onFrame(Frame frame) {
        String channelName = frame.channelOrNull();
        if (user.handles(frame)) {
            user.handle(frame);
        } else if (channelName != null) {
            ChannelImpl channel = channels.get(channelName);
            ChannelImpl retired = retiredChannels.get(channelName);
            if (retired != null && (channel == null || !channel.isSubscriptionPending())
                    && frame.eventName().equals("pusher_internal:subscription_succeeded")) {
                // The answer to a subscription unsubscribed while pending, not taken over by a new object
                // (that one may still be in its setup): the retired object unsubscribes.
                channel = retired;
            }
            if (channel != null) {
                channel.handleEvent(frame);
            }
        }
        if (!frame.eventName().startsWith("pusher_internal:")) {
            deliverGlobal(frame);
        }
    }

    /**
     * pusher-js's global emitter: {@code bind_global} listeners, then those bound to the event's name. A
     * {@code user_id} is kept on presence channels only, as on channel listeners.
     */
    private void deliverGlobal(Frame received) {
        String channel = received.channelOrNull();
        Frame frame = received.userId().isPresent() && (channel == null || !channel.startsWith("presence-"))
                ? received.withoutUserId() : received;
        Listeners<EventListener> named = eventListeners.get(frame.eventName());
        if (!globalListeners.isEmpty() || (named != null && !named.isEmpty())) {
            delivery.run(() -> {
                globalListeners.forEach(l -> l.onEvent(frame), connection::listenerFailed);
                if (named != null) {
                    named.forEach(l -> l.onEvent(frame), connection::listenerFailed);
                }
            });
        }
    }

    // ChannelImpl.Host, on the strand.

    @Override
    public boolean sendEvent(String event, JsonValue data, String channel) {
        return manager.sendEvent(event, data, channel);
    }

    @Override
    public void deliver(Runnable callbacks) {
        delivery.run(callbacks);
    }

    @Override
    public void authorize(String channelName, BiConsumer<ChannelAuthorization, AuthError> callback) {
        onStrandWhenDone("authorizing '" + channelName + "'", authorizer.channelTimeoutMillis(),
                (socketId, stillWanted) -> authorizer.authorize(socketId, channelName, stillWanted), callback);
    }

    /**
     * Runs an auth step for the current connection and hands its outcome to {@code callback} on the strand,
     * bounded by {@code timeoutMillis} (whatever the transport or handler does, time waiting for an auth
     * thread included), and only if the connection that asked is still the current one: a newer connection
     * authorizes again. A step given up (timed out, or its connection gone) that has not started yet does
     * not call the application's code at all.
     */
    private <T> void onStrandWhenDone(String what, long timeoutMillis,
            java.util.function.BiFunction<String, java.util.function.BooleanSupplier, CompletionStage<T>> step,
            BiConsumer<T, AuthError> callback) {
        String socketId = manager.socketId();
        if (socketId == null) {
            return; // not connected: the next connection starts over
        }
        boolean[] done = new boolean[1];
        AtomicBoolean abandoned = new AtomicBoolean();
        authStepsInFlight.add(abandoned);
        Timer guard = clock.start(timeoutMillis, () -> {
            done[0] = true;
            abandoned.set(true);
            authStepsInFlight.remove(abandoned);
            if (socketId.equals(manager.socketId())) {
                callback.accept(null, io.pusherj.core.auth.AuthErrors.error(what + " took longer than " + timeoutMillis
                        + " ms", java.util.OptionalInt.empty()));
            }
        });
        CompletionStage<T> stage;
        try {
            stage = step.apply(socketId, () -> !abandoned.get());
        } catch (RuntimeException e) {
            stage = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, failure) -> strand.execute(() -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            guard.cancel();
            authStepsInFlight.remove(abandoned);
            if (socketId.equals(manager.socketId())) {
                callback.accept(result, failure == null ? null : AuthErrors.of(failure));
            }
        }));
    }

    /** The connection that asked is gone: its auth steps still waiting for a thread need not run. */
    private void abandonAuthSteps() {
        authStepsInFlight.forEach(a -> a.set(true));
        authStepsInFlight.clear();
    }

    @Override
    public java.util.Optional<String> signedInUserId() {
        return user.id();
    }

    @Override
    public void whenSigninSettled(Runnable resume) {
        user.whenSigninSettled(resume);
    }

    @Override
    public boolean isConnected() {
        return connection.state() == ConnectionState.CONNECTED;
    }

    @Override
    public void sendClientEvent(String event, JsonValue data, String channel) {
        strand.execute(() -> manager.sendEvent(event, data, channel));
    }

    @Override
    public void listenerFailed(Throwable failure) {
        connection.listenerFailed(failure);
    }
}
