package io.pusherj.api;

import io.pusherj.api.internal.ListenerPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The Channels connection of one client: its state, its socket id and its events
 * ({@code state_change}, one event per state, {@code error}, {@code connecting_in}).
 *
 * <p>Listeners registered before the first connect see every event. Queries are safe from any thread
 * and never block. Listener threading is as described in {@link EventListener}.
 *
 * <pre>{@code
 * Pusher pusher = Pusher.create(key, PusherOptions.builder().autoConnect(false).build());
 * Connection connection = pusher.connection();
 * connection.onStateChange(change -> log.info("{} -> {}", change.previous(), change.current()));
 * connection.onState(ConnectionState.UNAVAILABLE, change -> showOfflineBanner());
 * connection.onError(error -> {
 *     if (error.code().orElse(0) == 4004) log.warn("over the connection limit");
 * });
 * connection.onConnectingIn(delay -> log.info("retrying in {}", delay));
 * pusher.connect();
 * }</pre>
 */
public interface Connection {
    /** {@return the current state, as last published to listeners} */
    ConnectionState state();

    /** {@return the socket id of the current connection; empty unless {@link ConnectionState#CONNECTED}} */
    Optional<String> socketId();

    /**
     * {@return the transport slot of the current connection ({@code ws}, {@code wss}, ...); empty unless connected}
     */
    Optional<String> transport();

    /**
     * Listens to every state change (pusher-js {@code state_change}).
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onStateChange(Consumer<ConnectionStateChange> listener);

    /**
     * Listens to entering one state (pusher-js's per-state events such as {@code connected}).
     *
     * @param state the state to watch
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onState(ConnectionState state, Consumer<ConnectionStateChange> listener);

    /**
     * Listens to connection errors (pusher-js {@code error}).
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onError(Consumer<ConnectionError> listener);

    /**
     * Listens to reconnect announcements (pusher-js {@code connecting_in}): the delay before the next
     * attempt, emitted only when it is not zero.
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onConnectingIn(Consumer<Duration> listener);

    /**
     * The state changes as a cold {@link Flow.Publisher}, buffered as {@link EventBuffer#DEFAULT}: see
     * {@link #states(EventBuffer)}.
     *
     * @return a publisher; each subscriber gets the changes that happen after it subscribed
     */
    default Flow.Publisher<ConnectionStateChange> states() {
        return states(EventBuffer.DEFAULT);
    }

    /**
     * The state changes (what {@link #onStateChange} sees) as a cold {@link Flow.Publisher}: each
     * subscriber binds a listener when it subscribes and unbinds it when it cancels, and has its own
     * {@code buffer}. pusherj's connections complete the stream when the client is closed, after its last
     * change to {@link ConnectionState#DISCONNECTED} (this default implementation never completes). A
     * subscriber that wants the current state first can start with {@link #state()}.
     *
     * <pre>{@code
     * JdkFlowAdapter.flowPublisherToFlux(pusher.connection().states())
     *         .filter(change -> change.current() == ConnectionState.UNAVAILABLE)
     *         .subscribe(change -> alert("Channels unreachable"));
     * }</pre>
     *
     * @param buffer each subscriber's buffer bound and overflow policy
     * @return a publisher (the same machinery as {@link Channel#events(String, EventBuffer)}, which the
     *     Reactive Streams TCK checks)
     */
    default Flow.Publisher<ConnectionStateChange> states(EventBuffer buffer) {
        return ListenerPublisher.of(sink -> onStateChange(sink::next), buffer);
    }

    /**
     * The last 50 entries of this client's timeline, oldest first: what pusher-js records for its stats
     * (state changes, transport attempts, retries, errors), available whether or not stats are sent.
     *
     * @return a snapshot, oldest entry first
     */
    List<TimelineEntry> timeline();

    /**
     * Calls {@code listener} with each new timeline entry, for diagnostics (nothing is sent for it). Runs
     * like every other listener of the client: one at a time, in order, on its strand or callback executor.
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onTimeline(Consumer<TimelineEntry> listener);

    /**
     * Listens to the outcome of every auth request: each channel authorization and each user
     * authentication, with its duration and, if it failed, why. For metrics; nothing is sent for it.
     * Implementations that make no auth requests report none.
     *
     * <pre>{@code
     * connection.onAuthRequest(o -> authTimer.record(o.duration()));
     * }</pre>
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    default Binding onAuthRequest(Consumer<AuthRequestOutcome> listener) {
        Objects.requireNonNull(listener, "listener");
        return () -> {};
    }

    /**
     * How much received frame text waits for this client's listeners now, in characters. The frame that
     * takes it past the {@code maxQueuedInboundChars} option is the last one read before the client drops
     * the connection and reconnects, so it stays within that limit plus one frame. A volatile read, cheap
     * enough for a metrics gauge. Implementations without such a queue report 0.
     *
     * @return characters received and not yet delivered
     */
    default long queuedInboundChars() {
        return 0;
    }

    /**
     * Tells the client that the network came back (pusher-js's {@code online} event): if it is
     * connecting or unavailable it retries at once. Useful for desktop and Android apps.
     */
    void networkOnline();

    /**
     * Tells the client that the network may be gone (pusher-js's {@code offline} event): a live
     * connection is checked with a ping now instead of after the activity timeout.
     */
    void networkOffline();
}
