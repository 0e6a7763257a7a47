package io.pusherj.core.connection;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.PusherOptions;
import io.pusherj.core.jfr.ConnectionStateChangeEvent;
import io.pusherj.core.protocol.CloseAction;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.runtime.BackoffSchedule;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.core.runtime.Timer;
import io.pusherj.core.strategy.Strategy;
import io.pusherj.core.strategy.StrategyCallback;
import io.pusherj.core.strategy.StrategyRunner;
import jakarta.json.JsonValue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The connection state machine, a port of pusher-js's {@code core/connection/connection_manager.ts}
 * (docs/protocol.md §6). It runs on the client's strand only and owns the current connection, the strategy
 * run and every connection timer.
 *
 * <p>Deliberate differences from pusher-js, each an entry of docs/decisions.md ("Connection state
 * machine"):
 * <ul>
 *   <li>A connection that drops or is closed with a retry/back-off code moves the state to
 *       {@code connecting} at once; pusher-js stays {@code connected} (without a socket) until its
 *       retry timer fires. The sequence is the same, {@code connected → connecting → connected}, but the
 *       state no longer claims a connection that is gone.</li>
 *   <li>A handshake error (first frame neither {@code connection_established} nor {@code pusher:error})
 *       is reported and then backed off like close codes 4100-4199; pusher-js reports it and stalls.</li>
 *   <li>A close code produces one {@code error} event carrying code and reason; pusher-js emits the same
 *       error twice, once wrapped.</li>
 * </ul>
 */
public final class ConnectionManager implements ProtocolConnection.Listener {
    /** pusher-js: a plain drop or back-off code retries after one second. */
    static final long BACKOFF_DELAY = 1_000;

    /** Receives what the manager publishes; called on the strand. */
    public interface Listener {
        /** The state changed ({@code previous != current}). */
        void onStateChange(ConnectionState previous, ConnectionState current);

        /** A connection error. */
        void onError(ConnectionError error);

        /** A reconnect is scheduled after {@code delayMillis} (> 0). */
        void onConnectingIn(long delayMillis);

        /** A frame arrived on the connection. */
        void onFrame(Frame frame);
    }

    private final PusherOptions options;
    private final ClientLoop loop;
    /** How reconnecting slows down when it keeps failing; null for pusher-js's exact timing. */
    private final BackoffSchedule backoff;
    /** Where jitter comes from: a value from 0 to 1 (tests pass a fixed one). */
    private final DoubleSupplier random;

    private final Function<Boolean, Strategy> strategyFactory;
    private final Listener listener;

    private ConnectionState state = ConnectionState.INITIALIZED;
    private boolean usingTLS;
    private Strategy strategy;
    private StrategyRunner runner;
    private ProtocolConnection connection;
    private String socketId;
    private long activityTimeout;
    private Timer retryTimer;
    private Timer unavailableTimer;
    /** The idle timer, or after a ping the pong timer ({@link #awaitingPong}). */
    private Timer activityTimer;

    private boolean awaitingPong;
    private long lastActivityMillis;
    /** Attempts that failed since the last connection that lived ({@link BackoffSchedule#LIVED_MILLIS}). */
    private int failuresInARow;
    /** When the current connection was made (clock time), or -1 without one. */
    private long connectedAtMillis = -1;
    /** When the last attempt failed or the last connection that had not lived ended. */
    private long lastFailureAtMillis;
    /** When the pending retry fires ({@link #retryIn}). */
    private long retryAtMillis;

    private final StrategyCallback strategyCallback = new StrategyCallback() {
        @Override
        public void onFailure() {
            // The default tree loops forever; a run that still ends is simply started again (pusher-js).
            runner = strategy.connect(0, this);
        }

        @Override
        public void onHandshake(HandshakeResult result) {
            abortConnecting();
            if (result.isConnected()) {
                connected(result.connection());
            } else {
                result.error().ifPresent(listener::onError);
                handleAction(result.action());
            }
        }
    };

    /**
     * Creates the manager in state {@code initialized}.
     *
     * @param options the client options (timeouts, TLS)
     * @param loop the strand and timer
     * @param strategyFactory builds a strategy tree for a TLS flag; called for each connection attempt
     * @param listener receives states, errors and frames
     */
    public ConnectionManager(
            PusherOptions options, ClientLoop loop, Function<Boolean, Strategy> strategyFactory, Listener listener) {
        this(
                options,
                loop,
                strategyFactory,
                listener,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    ConnectionManager(
            PusherOptions options,
            ClientLoop loop,
            Function<Boolean, Strategy> strategyFactory,
            Listener listener,
            DoubleSupplier random) {
        this.options = options;
        this.loop = loop;
        this.backoff = options.reconnectBackoff().map(BackoffSchedule::new).orElse(null);
        this.random = random;
        this.strategyFactory = strategyFactory;
        this.listener = listener;
        this.usingTLS = options.forceTLS();
    }

    /** The current state. */
    public ConnectionState state() {
        return state;
    }

    /** The socket id while connected, else null. */
    public String socketId() {
        return socketId;
    }

    /** Whether TLS is in use (true after a 4000 close even if TLS was not forced). */
    public boolean isUsingTLS() {
        return usingTLS;
    }

    /** The activity timeout of the current connection in ms (min of option and server value). */
    public long activityTimeout() {
        return activityTimeout;
    }

    /** The current connection, or null. */
    public ProtocolConnection connection() {
        return connection;
    }

    /**
     * Starts connecting unless a connection or an attempt exists; {@code failed} if nothing can be used.
     * While an attempt exists, a retry it holds back for the backoff is made now: the application asked.
     */
    public void connect() {
        if (connection != null || runner != null) {
            if (connection == null) {
                runner.retryNow();
            }
            return;
        }
        if (retryTimer != null && backoff != null && failuresInARow >= 2) {
            // Escalating: the retry comes now, but not sooner than a second after the failure, so an
            // application calling connect() from its error listener cannot undo the backoff.
            long earliest = lastFailureAtMillis + BackoffSchedule.CONNECT_FLOOR_MILLIS;
            if (loop.now() < earliest) {
                if (retryAtMillis > earliest) {
                    retryIn(earliest - loop.now());
                }
                return;
            }
        }
        // A reconnect already scheduled (the second after a drop) happens now instead: left armed, its
        // timer would tear down the connection this call makes (pusher-js has that quirk).
        clearRetryTimer();
        // A tree per attempt, dropped once connected: an idle client keeps none (~2 KiB, BENCHMARKS.md).
        // What must outlive it (transport lives, the transport cache) is kept by the factory's owner.
        Strategy tree = strategyFactory.apply(usingTLS);
        if (!tree.isSupported()) {
            clearUnavailableTimer(); // still armed with backoff: it would turn failed into unavailable
            updateState(ConnectionState.FAILED);
            return;
        }
        strategy = tree;
        // With backoff, a client already unavailable stays so while it tries again: it has been without a
        // connection for longer than unavailableTimeout, and a retry does not change that.
        if (backoff == null || state != ConnectionState.UNAVAILABLE) {
            updateState(ConnectionState.CONNECTING);
        }
        runner = strategy.connect(0, strategyCallback);
        // pusher-js re-arms it on every retry, so a server refusing again and again keeps the state
        // connecting forever. With backoff the clock runs from when the connection went away: after 10 s
        // without one the state says unavailable, however many attempts were made.
        if (backoff == null || unavailableTimer == null) {
            setUnavailableTimer();
        }
    }

    /** Closes everything and moves to {@code disconnected}. */
    public void disconnect() {
        disconnectInternally();
        clearUnavailableTimer();
        failuresInARow = 0;
        updateState(ConnectionState.DISCONNECTED);
    }

    /** Sends an event on the current connection; false if there is none. */
    public boolean sendEvent(String event, JsonValue data, String channel) {
        return connection != null && connection.sendEvent(event, data, channel);
    }

    /** pusher-js's {@code online} handler: retry at once while trying to connect. */
    public void networkOnline() {
        if (state == ConnectionState.CONNECTING || state == ConnectionState.UNAVAILABLE) {
            retryIn(0);
        }
    }

    /** pusher-js's {@code offline} handler: check the live connection now. */
    public void networkOffline() {
        if (connection != null) {
            sendActivityCheck();
        }
    }

    private void connected(ProtocolConnection newConnection) {
        // pusher-js: min(option, server activity_timeout, the transport's learned ping delay).
        long timeout = options.activityTimeout().toMillis();
        if (newConnection.serverActivityTimeoutMillis() > 0) {
            timeout = Math.min(timeout, newConnection.serverActivityTimeoutMillis());
        }
        if (newConnection.transportPingDelayMillis() > 0) {
            timeout = Math.min(timeout, newConnection.transportPingDelayMillis());
        }
        activityTimeout = timeout;
        clearUnavailableTimer();
        connectedAtMillis = loop.now();
        connection = newConnection;
        connection.bind(this);
        resetActivityCheck();
        socketId = newConnection.socketId();
        updateState(ConnectionState.CONNECTED);
    }

    private void handleAction(CloseAction action) {
        switch (action) {
            case TLS_ONLY -> {
                usingTLS = true;
                failedAttempt(0);
            }
            case REFUSED -> disconnect();
            case BACKOFF -> failedAttempt(BACKOFF_DELAY);
            case RETRY -> failedAttempt(0);
        }
    }

    /**
     * An attempt failed, or a connection that had not lived ended: reconnect after the close code's own
     * delay (pusher-js's), and, from the second failure in a row, after at least the backoff's. Waits
     * longer than 0 get jitter, so clients that lost the same server do not come back all at once.
     */
    private void failedAttempt(long codeDelayMillis) {
        if (connectedAtMillis >= 0 && loop.now() - connectedAtMillis >= BackoffSchedule.LIVED_MILLIS) {
            failuresInARow = 0; // the connection that just ended lived: this is a first failure again
        }
        connectedAtMillis = -1;
        lastFailureAtMillis = loop.now();
        failuresInARow = failuresInARow == Integer.MAX_VALUE ? failuresInARow : failuresInARow + 1;
        long delay = codeDelayMillis;
        if (backoff != null) {
            delay = Math.max(codeDelayMillis, backoff.delayMillis(failuresInARow));
            if (delay > 0) {
                delay = backoff.jittered(delay, random.getAsDouble());
            }
        }
        retryIn(delay);
    }

    private void retryIn(long delay) {
        // The timer is armed before anything is published, so whoever reacts to the events finds it set.
        clearRetryTimer();
        retryAtMillis = loop.now() + delay;
        retryTimer = loop.start(delay, () -> {
            retryTimer = null;
            disconnectInternally();
            connect();
        });
        if (backoff != null && unavailableTimer == null && state == ConnectionState.CONNECTED) {
            setUnavailableTimer(); // the connection is gone from now: unavailable if none comes back soon
        }
        // pusher-js announces connecting_in before the state leaves connected; keep that order.
        if (delay > 0) {
            listener.onConnectingIn(delay);
        }
        if (state == ConnectionState.CONNECTED) {
            // Leaving connected with the connection still bound (a pong timeout): abandon it first, so a
            // frame it delivers late cannot act on channels that were just reset for the next connection
            // (a late subscription_succeeded would mark a channel subscribed for good). pusher-js gets the
            // same order by staying connected until its retry timer tears the connection down.
            if (connection != null) {
                abandonConnection().close();
            }
            updateState(ConnectionState.CONNECTING);
        }
    }

    private void abortConnecting() {
        strategy = null;
        if (runner != null) {
            StrategyRunner r = runner;
            runner = null;
            r.abort();
        }
    }

    private void disconnectInternally() {
        abortConnecting();
        clearRetryTimer();
        if (backoff == null) {
            clearUnavailableTimer(); // pusher-js: every retry starts the 10 s over
        }
        if (connection != null) {
            abandonConnection().close();
        }
    }

    private ProtocolConnection abandonConnection() {
        stopActivityCheck();
        ProtocolConnection c = connection;
        connection = null;
        socketId = null;
        return c;
    }

    private void setUnavailableTimer() {
        clearUnavailableTimer();
        unavailableTimer = loop.start(options.unavailableTimeout().toMillis(), () -> {
            unavailableTimer = null;
            updateState(ConnectionState.UNAVAILABLE);
        });
    }

    private void clearUnavailableTimer() {
        if (unavailableTimer != null) {
            unavailableTimer.cancel();
            unavailableTimer = null;
        }
    }

    private void clearRetryTimer() {
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
    }

    private void sendActivityCheck() {
        stopActivityCheck();
        awaitingPong = true;
        long pongTimeout = options.pongTimeout().toMillis();
        activityTimer = loop.start(pongTimeout, () -> {
            // pusher-js only records this in its timeline; pusherj also reports it, as it reports failed
            // attempts: a reconnect whose reason nobody is told looks like a bug.
            listener.onError(Errors.of(
                    ConnectionError.Type.TRANSPORT_ERROR,
                    "no reply to a ping within " + pongTimeout + " ms: the connection is given up",
                    connection == null ? null : connection.transportName(),
                    null));
            failedAttempt(0);
        });
        connection.ping();
    }

    /**
     * Notes activity. Runs for every frame, so it only stores the time while the idle timer is armed; the
     * timer re-arms itself for the rest of the period when it fires early (rescheduling a timer per frame
     * cost about a tenth of the receive path).
     */
    private void resetActivityCheck() {
        lastActivityMillis = loop.now();
        if (connection == null || connection.handlesActivityChecks()) {
            stopActivityCheck();
        } else if (activityTimer == null || awaitingPong) {
            stopActivityCheck();
            armIdleTimer(activityTimeout);
        }
    }

    private void armIdleTimer(long delayMillis) {
        activityTimer = loop.start(delayMillis, this::idleTimerFired);
    }

    private void idleTimerFired() {
        activityTimer = null;
        long idle = loop.now() - lastActivityMillis;
        if (idle < activityTimeout) {
            armIdleTimer(activityTimeout - idle);
        } else {
            sendActivityCheck();
        }
    }

    private void stopActivityCheck() {
        awaitingPong = false;
        if (activityTimer != null) {
            activityTimer.cancel();
            activityTimer = null;
        }
    }

    private void updateState(ConnectionState newState) {
        ConnectionState previous = state;
        state = newState;
        if (newState != ConnectionState.CONNECTED) {
            socketId = null;
        }
        if (previous != newState) {
            ConnectionStateChangeEvent.commit(
                    previous.wireName(), newState.wireName(), socketId == null ? "" : socketId);
            listener.onStateChange(previous, newState);
        }
    }

    // ProtocolConnection.Listener: events of the current connection.

    @Override
    public void onFrame(Frame frame) {
        resetActivityCheck();
        listener.onFrame(frame);
    }

    @Override
    public void onActivity() {
        resetActivityCheck();
    }

    @Override
    public void onError(ConnectionError error) {
        listener.onError(error);
    }

    @Override
    public void onClosed(CloseAction action, ConnectionError error) {
        abandonConnection();
        if (error != null) {
            listener.onError(error);
        }
        if (action != null) {
            handleAction(action);
        } else if (retryTimer == null && (state == ConnectionState.CONNECTING || state == ConnectionState.CONNECTED)) {
            // A retry already scheduled (after a pong timeout, say) stays as it is: a close that
            // follows must not postpone it.
            failedAttempt(BACKOFF_DELAY);
        }
    }
}
