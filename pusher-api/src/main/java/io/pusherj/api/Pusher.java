package io.pusherj.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Pusher Channels client: the Java counterpart of pusher-js's {@code new Pusher(key, options)}.
 *
 * <pre>{@code
 * Pusher pusher = Pusher.create("APP_KEY", PusherOptions.builder().cluster("eu").build());
 * pusher.connection().onState(ConnectionState.CONNECTED, change -> status.setText("Realtime is go!"));
 * pusher.subscribe("news", news -> news.bind("story", event -> show(event.data())));
 * ...
 * pusher.close();
 * }</pre>
 *
 * <p>Like pusher-js, creating a client connects it, unless {@link PusherOptions.Builder#autoConnect(boolean)}
 * is off. Every method is safe from any thread and never blocks on the network; only {@link #close()}
 * waits, briefly, for the client to finish. A client holds no thread of its own: all clients of a JVM
 * share a small pool, released when the last one is closed, unless they were given a {@link PusherRuntime}.
 * No method takes {@code null}.
 */
public interface Pusher extends AutoCloseable {

    /**
     * Creates a client with default options (cluster {@code mt1}, TLS) and connects it.
     *
     * @param key the application key
     * @return the client, connecting unless {@code autoConnect} is off
     */
    static Pusher create(String key) {
        return create(key, PusherOptions.builder().build());
    }

    /**
     * Creates a client and, unless {@code autoConnect} is off, connects it.
     *
     * @param key the application key
     * @param options the options
     * @return the client, connecting unless {@code autoConnect} is off
     * @throws PusherException if no implementation ({@code io.pusherj:pusher-core}) is on the path
     * @throws IllegalArgumentException for a key that is not letters, digits, {@code - _ .}, or a
     *     {@link PusherRuntime} not made by {@link PusherRuntime#create()}
     * @throws IllegalStateException if the options' {@link PusherRuntime} is closed, or two transport
     *     providers on the path serve one slot
     */
    static Pusher create(String key, PusherOptions options) {
        return Implementation.factory().create(key, options);
    }

    /** {@return the application key given at creation} */
    String key();

    /** {@return the options given at creation} */
    PusherOptions options();

    /** {@return the connection: state, socket id and connection events} */
    Connection connection();

    /** Connects, if not already connected or connecting. May be called any number of times. */
    void connect();

    /** Disconnects (state {@code disconnected}); channels and bindings are kept for a later {@link #connect()}. */
    void disconnect();

    /**
     * Subscribes to a channel after {@code setup} has bound its listeners, so no event can arrive before
     * them: the way to subscribe while connected without missing {@code pusher:subscription_succeeded}
     * or a cache channel's first event. Unlike in JavaScript, a {@code bind} made after
     * {@link #subscribe(String)} returns races with events arriving on other threads.
     *
     * @param channelName the channel
     * @param setup binds listeners; runs on the calling thread before anything is sent
     * @return the channel
     * @throws IllegalArgumentException for a name that is not a valid channel name
     */
    Channel subscribe(String channelName, Consumer<? super Channel> setup);

    /**
     * {@link #subscribe(String, java.util.function.Consumer)} for a {@code private-} channel.
     *
     * @param channelName a {@code private-} channel name
     * @param setup binds listeners; runs on the calling thread before anything is sent
     * @return the channel
     */
    PrivateChannel subscribePrivate(String channelName, Consumer<? super PrivateChannel> setup);

    /**
     * {@link #subscribe(String, java.util.function.Consumer)} for a {@code presence-} channel.
     *
     * @param channelName a {@code presence-} channel name
     * @param setup binds listeners; runs on the calling thread before anything is sent
     * @return the channel
     */
    PresenceChannel subscribePresence(String channelName, Consumer<? super PresenceChannel> setup);

    /**
     * {@link #subscribe(String, java.util.function.Consumer)} for a {@code private-encrypted-} channel.
     *
     * @param channelName a {@code private-encrypted-} channel name
     * @param setup binds listeners; runs on the calling thread before anything is sent
     * @return the channel
     */
    EncryptedChannel subscribeEncrypted(String channelName, Consumer<? super EncryptedChannel> setup);

    /**
     * Subscribes to a channel, or returns the existing one. Idempotent: subscribing twice is not an error.
     * Before the connection is up the subscription is recorded and sent once connected. While connected,
     * prefer {@link #subscribe(String, java.util.function.Consumer)} to bind listeners first.
     *
     * @param channelName the channel name
     * @return the channel
     * @throws IllegalArgumentException for a name that is not a valid channel name
     */
    Channel subscribe(String channelName);

    /**
     * Subscribes to a {@code private-} channel (authorized through {@code authEndpoint} or
     * {@code channelAuthorization}).
     *
     * @param channelName a {@code private-} channel name
     * @return the channel
     * @throws IllegalArgumentException if the name does not start with {@code private-} (or is encrypted)
     */
    PrivateChannel subscribePrivate(String channelName);

    /**
     * Subscribes to a {@code presence-} channel.
     *
     * @param channelName a {@code presence-} channel name
     * @return the channel
     * @throws IllegalArgumentException if the name does not start with {@code presence-}
     */
    PresenceChannel subscribePresence(String channelName);

    /**
     * Subscribes to a {@code private-encrypted-} channel.
     *
     * @param channelName a {@code private-encrypted-} channel name
     * @return the channel
     * @throws IllegalArgumentException if the name does not start with {@code private-encrypted-}
     * @throws PusherException if {@code io.pusherj:pusher-encryption} is not on the path
     */
    EncryptedChannel subscribeEncrypted(String channelName);

    /**
     * Unsubscribes from a channel; does nothing if not subscribed. The channel object is done with: a
     * later {@code subscribe} of the same name returns a new object, without the old one's bindings
     * (whatever the old subscription's state was when this call reached the connection).
     *
     * @param channelName the channel name
     */
    void unsubscribe(String channelName);

    /**
     * The channel with this name, if subscribed (or being subscribed).
     *
     * @param channelName the channel name
     * @return the channel, if subscribed
     */
    Optional<Channel> channel(String channelName);

    /**
     * The channel with this name as the given kind, if subscribed and of that kind: {@code
     * channel("presence-room", PresenceChannel.class)} (the official client's {@code getPresenceChannel}).
     *
     * @param channelName the channel name
     * @param kind {@link Channel}, {@link PrivateChannel}, {@link PresenceChannel} or {@link EncryptedChannel}
     * @param <C> the kind
     * @return the channel, if subscribed and of that kind
     */
    <C extends Channel> Optional<C> channel(String channelName, Class<C> kind);

    /** {@return a snapshot of all channels} */
    List<Channel> channels();

    /**
     * Signs the user in (pusher-js {@code signin()}), through {@code userAuthentication}, now if
     * connected and again after every reconnect. Idempotent while a sign-in is in flight or done; after a
     * failed one (see {@link User#onSigninError}) it tries again at once.
     */
    void signin();

    /** {@return the user of this client: sign-in state, events sent to the user, watchlist} */
    User user();

    /**
     * Listens to every event of every channel plus connection-level events such as
     * {@link EventNames#CONNECTION_ESTABLISHED} and {@link EventNames#CONNECTION_FAILED}
     * (pusher-js {@code bind_global}).
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding bindGlobal(EventListener listener);

    /**
     * Listens to every event named {@code eventName}, whatever its channel, and to connection-level
     * events such as {@link EventNames#CONNECTION_ESTABLISHED} (pusher-js {@code pusher.bind}).
     *
     * @param eventName the event name
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding bind(String eventName, EventListener listener);

    /**
     * Removes every listener {@link #bind(String, EventListener)} added for {@code eventName} (pusher-js
     * {@code pusher.unbind(eventName)}).
     *
     * @param eventName the event name
     */
    void unbind(String eventName);

    /**
     * Removes every listener of this client added with {@link #bind(String, EventListener)} and
     * {@link #bindGlobal(EventListener)} (pusher-js {@code unbind_all}); channel, connection and user
     * listeners stay.
     */
    void unbindAll();

    /**
     * Disconnects and releases everything the client holds. The client cannot be connected again: later
     * calls of {@code connect}, {@code subscribe} or {@code signin} throw {@link IllegalStateException},
     * and one racing with {@code close()} from another thread does nothing. Idempotent. Executors supplied
     * in the options are not shut down.
     *
     * <p>Unlike every other method, {@code close()} waits: up to 5 s for the client to finish closing
     * (also when another thread or the client's runtime started closing it), and, for the last client of
     * the JVM-wide runtime, up to 5 s more for each of pusherj's shared pools to end (a
     * {@link PusherRuntime} the application gave keeps running). Called from a listener, or any pusherj
     * thread, it cannot wait for itself, and returns at once; the close happens right after the listener
     * returns.
     */
    @Override
    void close();
}
