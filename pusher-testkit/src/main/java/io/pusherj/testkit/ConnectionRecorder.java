package io.pusherj.testkit;

import io.pusherj.api.Binding;
import io.pusherj.api.Connection;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.server.internal.RecordedList;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records what a {@link Connection} reports (state changes, errors, {@code connecting_in}) and lets a
 * test wait for it with a deadline. Attach it before {@code connect()} to see every change.
 *
 * <pre>{@code
 * ConnectionRecorder rec = ConnectionRecorder.attach(pusher.connection());
 * pusher.connect();
 * rec.awaitState(ConnectionState.CONNECTED, Duration.ofSeconds(5));
 * }</pre>
 */
public final class ConnectionRecorder implements AutoCloseable {
    private final RecordedList<ConnectionStateChange> changes = new RecordedList<>();
    private final RecordedList<ConnectionError> errors = new RecordedList<>();
    private final RecordedList<Duration> connectingIn = new RecordedList<>();
    private final List<Binding> bindings;

    private ConnectionRecorder(Connection connection) {
        bindings = List.of(
                connection.onStateChange(changes::add),
                connection.onError(errors::add),
                connection.onConnectingIn(connectingIn::add));
    }

    /**
     * Starts recording {@code connection}.
     *
     * @param connection the connection to record
     * @return the recorder, already listening
     */
    public static ConnectionRecorder attach(Connection connection) {
        return new ConnectionRecorder(connection);
    }

    /** {@return every state change so far, in order} */
    public List<ConnectionStateChange> changes() {
        return changes.snapshot();
    }

    /** {@return the {@code current} state of every change so far, in order} */
    public List<ConnectionState> states() {
        return changes.snapshot().stream().map(ConnectionStateChange::current).toList();
    }

    /** {@return every error so far} */
    public List<ConnectionError> errors() {
        return errors.snapshot();
    }

    /** {@return every {@code connecting_in} delay so far} */
    public List<Duration> connectingIn() {
        return connectingIn.snapshot();
    }

    /**
     * Waits until the connection has entered {@code state} at least once.
     *
     * @param state the state
     * @param timeout how long to wait
     */
    public void awaitState(ConnectionState state, Duration timeout) {
        awaitState(state, 1, timeout);
    }

    /**
     * Waits until the connection has entered {@code state} at least {@code times} times.
     *
     * @param state the state
     * @param times how many times, at least
     * @param timeout how long to wait
     */
    public void awaitState(ConnectionState state, int times, Duration timeout) {
        changes.await(c -> c.current() == state, times, timeout, "state " + state.wireName());
    }

    /**
     * Waits up to {@code timeout} for the connection to have entered {@code state} {@code times} times;
     * false if it had not by then (for tests that step virtual time while real I/O runs).
     *
     * @param state the state
     * @param times how many times, at least
     * @param timeout how long to wait
     * @return whether it had by then
     */
    public boolean reachedState(ConnectionState state, int times, Duration timeout) {
        return changes.waitFor(c -> c.current() == state, times, timeout);
    }

    /**
     * Waits for an error matching {@code filter} and returns the first one.
     *
     * @param filter which errors count
     * @param timeout how long to wait
     * @return the first matching error
     */
    public ConnectionError awaitError(Predicate<ConnectionError> filter, Duration timeout) {
        return errors.await(filter, 1, timeout, "a matching error").get(0);
    }

    /** Stops recording. */
    @Override
    public void close() {
        bindings.forEach(Binding::unbind);
    }
}
