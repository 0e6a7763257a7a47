package io.pusherj.core;

import io.pusherj.api.Binding;
import io.pusherj.api.Channel;
import io.pusherj.api.Connection;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EncryptedChannel;
import io.pusherj.api.EventListener;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.PrivateChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.User;
import io.pusherj.core.connection.ConnectionManager;
import io.pusherj.core.runtime.ClientRuntime;
import io.pusherj.core.runtime.SerialExecutor;
import io.pusherj.core.stats.StatsSender;
import io.pusherj.core.stats.Timeline;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The client (pusher-js {@code core/pusher.ts}): the facade of {@link Pusher}. Public methods hand work to
 * the client's strand and return at once; all protocol state is touched only there. The parts:
 * {@link ClientResources} (what it opens and closes), {@link Channels} (the channel table),
 * {@link AuthSteps} (authorization and sign-in per connection), {@link GlobalEmitter} (client-level
 * bindings), {@link ClientTimeline} (timeline and stats), {@link ConnectionManager} (the state machine)
 * and {@link ConnectionRouter} (where what the connection reports goes).
 */
final class PusherClient implements Pusher, ClientRuntime.Client {
    private static final System.Logger LOG = System.getLogger(PusherClient.class.getName());

    private final String key;
    private final PusherOptions options;
    private final ClientResources resources;
    private final SerialExecutor strand;
    private final ConnectionImpl connection;
    private final ClientTimeline timeline;
    private final ConnectionManager manager;
    private final UserImpl user;
    private final AuthSteps auth;
    private final Channels channels;
    private final GlobalEmitter global;

    PusherClient(String key, PusherOptions options) {
        this.key = key;
        this.options = options;
        this.resources = ClientResources.open(options);
        Optional<StatsSender> stats = Optional.empty();
        try {
            this.strand = resources.strand();
            var loop = resources.loop();
            var delivery = resources.delivery();
            Timeline entries = new Timeline();
            this.connection = new ConnectionImpl(
                    strand,
                    delivery,
                    entries,
                    new ConnectionErrorLog(loop::now),
                    loop.inbound(),
                    this::networkOnline,
                    this::networkOffline);
            Consumer<Throwable> listenerFailed = connection::listenerFailed; // one object for both users
            stats = ClientTimeline.statsSender(
                    key, options, resources.transports(), resources.providerContext(), entries, loop);
            this.timeline = new ClientTimeline(entries, loop, connection::publishTimeline, stats);
            this.global = new GlobalEmitter(delivery, listenerFailed);
            var router = new ConnectionRouter(connection, timeline, global, resources.missingTransports());
            var strategies = resources.strategyContext(key, options, timeline.attempts(router::onError));
            this.manager = new ConnectionManager(options, loop, strategies::build, router);
            this.user = new UserImpl(delivery, (event, data) -> manager.sendEvent(event, data, null), listenerFailed);
            this.auth = new AuthSteps(resources.authorizer(), loop, manager, connection::publishAuthRequest);
            this.channels = new Channels(
                    strand,
                    resources::isClosed,
                    () -> manager.state() == ConnectionState.CONNECTED,
                    table -> new ChannelHost(manager, connection, delivery, auth, user, strand, table));
            router.wire(manager, auth, user, channels);
            resources.attach(this);
        } catch (RuntimeException | Error e) {
            stats.ifPresent(StatsSender::close);
            resources.closeTransportsAndAuth();
            resources.releaseRuntime();
            throw e;
        }
        LOG.log(
                Level.DEBUG,
                () -> "client for key " + key + " with transports "
                        + new TreeSet<>(resources.transports().keySet()) + ", " + options);
        if (options.autoConnect()) {
            connect();
        }
    }

    private void networkOnline() {
        strand.execute(manager::networkOnline);
    }

    private void networkOffline() {
        strand.execute(manager::networkOffline);
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
            if (resources.isClosed()) {
                return; // close() ran in between: a closed client stays closed
            }
            manager.connect();
            timeline.connecting(manager.isUsingTLS());
        });
    }

    @Override
    public void disconnect() {
        if (!resources.isClosed()) {
            strand.execute(() -> {
                manager.disconnect();
                timeline.disconnected();
            });
        }
    }

    @Override
    public Channel subscribe(String channelName) {
        return subscribe(channelName, channel -> {});
    }

    @Override
    public Channel subscribe(String channelName, Consumer<? super Channel> setup) {
        return subscribeAs(channelName, Channel.class, setup);
    }

    @Override
    public PrivateChannel subscribePrivate(String channelName) {
        return subscribePrivate(channelName, channel -> {});
    }

    @Override
    public PrivateChannel subscribePrivate(String channelName, Consumer<? super PrivateChannel> setup) {
        return subscribeAs(channelName, PrivateChannel.class, setup);
    }

    @Override
    public EncryptedChannel subscribeEncrypted(String channelName) {
        return subscribeEncrypted(channelName, channel -> {});
    }

    @Override
    public EncryptedChannel subscribeEncrypted(String channelName, Consumer<? super EncryptedChannel> setup) {
        return subscribeAs(channelName, EncryptedChannel.class, setup);
    }

    @Override
    public PresenceChannel subscribePresence(String channelName) {
        return subscribePresence(channelName, channel -> {});
    }

    @Override
    public PresenceChannel subscribePresence(String channelName, Consumer<? super PresenceChannel> setup) {
        return subscribeAs(channelName, PresenceChannel.class, setup);
    }

    private <C extends Channel> C subscribeAs(String channelName, Class<C> kind, Consumer<? super C> setup) {
        ChannelNames.requireKind(channelName, kind);
        ensureOpen();
        return channels.subscribe(channelName, kind, setup);
    }

    @Override
    public void unsubscribe(String channelName) {
        Objects.requireNonNull(channelName, "channelName");
        if (!resources.isClosed()) {
            channels.unsubscribe(channelName);
        }
    }

    @Override
    public void signin() {
        ensureOpen();
        strand.execute(() -> {
            if (resources.isClosed()) {
                return;
            }
            user.requestSignin();
            if (user.needsSignin() && manager.state() == ConnectionState.CONNECTED) {
                auth.signin(user);
            }
        });
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public List<Channel> channels() {
        return channels.all();
    }

    @Override
    public Optional<Channel> channel(String channelName) {
        return channels.find(Objects.requireNonNull(channelName, "channelName"));
    }

    @Override
    public <C extends Channel> Optional<C> channel(String channelName, Class<C> kind) {
        Objects.requireNonNull(kind, "kind");
        return channel(channelName).filter(kind::isInstance).map(kind::cast);
    }

    @Override
    public Binding bindGlobal(EventListener listener) {
        return global.bindGlobal(listener);
    }

    @Override
    public Binding bind(String eventName, EventListener listener) {
        return global.bind(eventName, listener);
    }

    @Override
    public void unbind(String eventName) {
        global.unbind(eventName);
    }

    @Override
    public void unbindAll() {
        global.unbindAll();
    }

    @Override
    public void close() {
        resources.close(this::lastTasks, true);
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        return resources.close(this::lastTasks, false);
    }

    @Override
    public boolean onItsStrand() {
        return strand.isCurrentThread();
    }

    /** What closing does on the strand before the transports close. */
    private void lastTasks() {
        manager.disconnect();
        connection.clientClosed(); // after the change to disconnected, which the states publishers see
        channels.clientClosed();
        timeline.close();
    }

    private void ensureOpen() {
        if (resources.isClosed()) {
            throw new IllegalStateException(
                    "this pusherj client is closed (by close() or by closing its PusherRuntime); create a new one");
        }
    }
}
