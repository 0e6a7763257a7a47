package io.pusherj.core;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.EventNames;
import io.pusherj.core.connection.ConnectionManager;
import io.pusherj.core.connection.Errors;
import io.pusherj.core.protocol.Frame;
import java.util.Optional;

/**
 * Where what the connection reports goes (the handlers pusher-js's {@code core/pusher.ts} binds on its
 * connection): state changes to the channel table, the user, the timeline and the listeners, in pusher-js's
 * order; frames to the user, the channel they name and the client-level bindings. Strand only.
 *
 * <p>The connection manager reports here from its construction on, while the channel table, the auth steps
 * and the user are made with the manager: {@link #wire} hands them over before the client can connect.
 */
final class ConnectionRouter implements ConnectionManager.Listener {
    private final ConnectionImpl connection;
    private final ClientTimeline timeline;
    private final GlobalEmitter global;
    private final Optional<String> missingTransports;

    private ConnectionManager manager;
    private AuthSteps auth;
    private UserImpl user;
    private Channels channels;

    /**
     * @param connection the client's connection object (state, errors, listeners)
     * @param timeline the timeline and stats recorder
     * @param global the client-level bindings
     * @param missingTransports why transports enabled explicitly are absent, reported when the state is failed
     */
    ConnectionRouter(
            ConnectionImpl connection,
            ClientTimeline timeline,
            GlobalEmitter global,
            Optional<String> missingTransports) {
        this.connection = connection;
        this.timeline = timeline;
        this.global = global;
        this.missingTransports = missingTransports;
    }

    /** Hands over the parts made with the manager; called once, before the client connects. */
    void wire(ConnectionManager manager, AuthSteps auth, UserImpl user, Channels channels) {
        this.manager = manager;
        this.auth = auth;
        this.user = user;
        this.channels = channels;
    }

    @Override
    public void onStateChange(ConnectionState previous, ConnectionState current) {
        timeline.stateChanged(current, manager.socketId());
        if (current == ConnectionState.CONNECTING || current == ConnectionState.DISCONNECTED) {
            auth.connectionLost();
            user.connectionLost();
            channels.connectionLost();
        }
        if (current == ConnectionState.FAILED) {
            missingTransports.ifPresent(
                    missing -> onError(Errors.of(ConnectionError.Type.TRANSPORT_ERROR, missing, null, null)));
        }
        if (current == ConnectionState.CONNECTED) {
            // Before the listeners hear of it: pusher-js's own connected handler runs before the application's
            // connected listeners (bound first), though after its state_change listeners; pusherj runs it
            // before both, so that nothing a listener does races the subscriptions (docs/decisions.md,
            // "Channel objects").
            if (user.needsSignin()) {
                auth.signin(user);
            }
            channels.connected();
        }
        String socketId = manager.socketId();
        connection.publishState(
                new ConnectionStateChange(previous, current, Optional.ofNullable(socketId)),
                socketId,
                current == ConnectionState.CONNECTED ? manager.connection().transportName() : null);
        if (current == ConnectionState.CONNECTED) {
            Frame established = manager.connection().takeEstablishedFrame();
            if (established != null) {
                global.emit(established);
            }
            timeline.connected(manager.isUsingTLS());
        } else if (current == ConnectionState.FAILED) {
            global.emit(new Frame(EventNames.CONNECTION_FAILED, null, null, null));
        }
    }

    @Override
    public void onError(ConnectionError error) {
        timeline.error(error);
        connection.publishError(error);
    }

    @Override
    public void onConnectingIn(long delayMillis) {
        timeline.connectingIn(delayMillis);
        connection.publishConnectingIn(delayMillis);
    }

    @Override
    public void onFrame(Frame frame) {
        String channelName = frame.channelOrNull();
        if (user.handles(frame)) {
            user.handle(frame);
        } else if (channelName != null) {
            channels.route(frame, channelName);
        }
        if (!frame.eventName().startsWith("pusher_internal:")) {
            global.emit(frame);
        }
    }
}
