package io.pusherj.core;

import io.pusherj.api.AuthRequestOutcome;
import io.pusherj.api.Binding;
import io.pusherj.api.Connection;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.TimelineEntry;
import io.pusherj.api.internal.ListenerPublisher;
import io.pusherj.core.connection.Errors;
import io.pusherj.core.runtime.InboundQueue;
import io.pusherj.core.runtime.LazyField;
import io.pusherj.core.stats.Timeline;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The public face of a client's connection: the last published state and socket id (readable from any
 * thread) and the connection listeners. The state machine itself lives in
 * {@link io.pusherj.core.connection.ConnectionManager} on the strand.
 */
final class ConnectionImpl implements Connection {
    private static final System.Logger LOG = System.getLogger(ConnectionImpl.class.getName());
    private static final LazyField<ConnectionImpl, Rare> RARE =
            LazyField.of(MethodHandles.lookup(), "rare", Rare.class);

    private final Runnable online;
    private final Runnable offline;
    private final Executor strand;
    private final Delivery delivery;
    private final Listeners<Consumer<ConnectionStateChange>> stateChanges = new Listeners<>();
    /** Per-state listeners, each wrapped to skip other states: one set instead of one per state (memory). */
    private final Listeners<Consumer<ConnectionStateChange>> perState = new Listeners<>();

    /** The listeners most applications never add, made with the first of them (48 bytes of every client). */
    private volatile Rare rare;

    private final Timeline timeline;
    private final ConnectionErrorLog errorLog;
    private final InboundQueue inbound;

    private volatile ConnectionState state = ConnectionState.INITIALIZED;
    private volatile String socketId;
    private volatile String transport;

    ConnectionImpl(
            Executor strand,
            Delivery delivery,
            Timeline timeline,
            ConnectionErrorLog errorLog,
            InboundQueue inbound,
            Runnable online,
            Runnable offline) {
        this.strand = strand;
        this.delivery = delivery;
        this.inbound = inbound;
        this.errorLog = errorLog;
        this.timeline = timeline;
        this.online = online;
        this.offline = offline;
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public Optional<String> socketId() {
        return Optional.ofNullable(socketId);
    }

    @Override
    public Optional<String> transport() {
        return Optional.ofNullable(transport);
    }

    @Override
    public Binding onStateChange(Consumer<ConnectionStateChange> listener) {
        return stateChanges.add(listener);
    }

    @Override
    public Flow.Publisher<ConnectionStateChange> states(EventBuffer buffer) {
        return ListenerPublisher.of(
                sink -> rare().streamEnd.open(sink, stateChanges.addForStream(sink::next)),
                buffer,
                this::subscriberFailed);
    }

    @Override
    public Binding onState(ConnectionState s, Consumer<ConnectionStateChange> listener) {
        Objects.requireNonNull(s, "state");
        Objects.requireNonNull(listener, "listener");
        return perState.add(change -> {
            if (change.current() == s) {
                listener.accept(change);
            }
        });
    }

    @Override
    public Binding onError(Consumer<ConnectionError> listener) {
        return rare().errors.add(listener);
    }

    @Override
    public Binding onConnectingIn(Consumer<Duration> listener) {
        return rare().connectingIn.add(listener);
    }

    @Override
    public List<TimelineEntry> timeline() {
        return timeline.snapshot();
    }

    @Override
    public Binding onTimeline(Consumer<TimelineEntry> listener) {
        return rare().timeline.add(listener);
    }

    @Override
    public Binding onAuthRequest(Consumer<AuthRequestOutcome> listener) {
        return rare().authRequests.add(listener);
    }

    @Override
    public long queuedInboundChars() {
        return inbound.queuedChars();
    }

    @Override
    public void networkOnline() {
        online.run();
    }

    @Override
    public void networkOffline() {
        offline.run();
    }

    /** Publishes a state change (strand): query results first, then listeners. */
    void publishState(ConnectionStateChange change, String newSocketId, String newTransport) {
        socketId = newSocketId;
        transport = newTransport;
        state = change.current();
        if (state == ConnectionState.DISCONNECTED || state == ConnectionState.FAILED) {
            errorLog.flush(); // the client stopped trying
        } else {
            errorLog.stateChanged();
        }
        delivery.run(() -> {
            // pusher-js order: state_change listeners, then those of the new state.
            stateChanges.forEach(l -> l.accept(change), this::listenerFailed);
            perState.forEach(l -> l.accept(change), this::listenerFailed);
        });
    }

    /** The client closed, after its last state change (strand): the {@link #states} publishers complete. */
    void clientClosed() {
        rare().streamEnd.end(delivery::run, this::listenerFailed);
    }

    /** Publishes an error (strand). Every error reaches the listeners; the log says a repeated one once. */
    void publishError(ConnectionError error) {
        errorLog.log(error);
        delivery.run(() -> deliverError(error));
    }

    /** Publishes a scheduled reconnect (strand). */
    void publishConnectingIn(long delayMillis) {
        Rare r = rare;
        if (r != null && !r.connectingIn.isEmpty()) {
            Duration d = Duration.ofMillis(delayMillis);
            delivery.run(() -> r.connectingIn.forEach(l -> l.accept(d), this::listenerFailed));
        }
    }

    /** Publishes the outcome of an auth request (strand). */
    void publishAuthRequest(AuthRequestOutcome outcome) {
        Rare r = rare;
        if (r != null && !r.authRequests.isEmpty()) {
            delivery.run(() -> r.authRequests.forEach(l -> l.accept(outcome), this::listenerFailed));
        }
    }

    /** Publishes a new timeline entry (strand). */
    void publishTimeline(TimelineEntry entry) {
        Rare r = rare;
        if (r != null && !r.timeline.isEmpty()) {
            delivery.run(() -> r.timeline.forEach(l -> l.accept(entry), this::listenerFailed));
        }
    }

    /**
     * Reports a Flow subscriber that threw, from any thread: the error listeners hear it on the strand (or
     * the callback executor), one error at a time like every other, never on the subscriber's thread.
     */
    void subscriberFailed(Throwable failure) {
        strand.execute(() -> delivery.run(() -> listenerFailed(failure)));
    }

    /** Reports a listener that threw, to the error listeners; runs where the failing listener ran. */
    void listenerFailed(Throwable failure) {
        LOG.log(Level.WARNING, "a pusherj listener threw", failure);
        deliverError(Errors.of(
                ConnectionError.Type.LISTENER_ERROR,
                "a listener threw " + failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
                null,
                failure));
    }

    private void deliverError(ConnectionError error) {
        Rare r = rare;
        if (r == null) {
            return;
        }
        // An error listener that throws is only logged: reporting it as an error could loop forever.
        r.errors.forEach(
                l -> l.accept(error),
                f -> LOG.log(Level.WARNING, "a pusherj error listener threw while handling " + error, f));
    }

    private Rare rare() {
        return RARE.get(this, Rare::new);
    }

    /** Error, reconnect-delay and timeline listeners. */
    private static final class Rare {
        final Listeners<Consumer<ConnectionError>> errors = new Listeners<>();
        final Listeners<Consumer<Duration>> connectingIn = new Listeners<>();
        final Listeners<Consumer<TimelineEntry>> timeline = new Listeners<>();
        final Listeners<Consumer<AuthRequestOutcome>> authRequests = new Listeners<>();
        /** Completes the {@link #states} publishers once the client closed. */
        final StreamEnd streamEnd = new StreamEnd();
    }
}
