package io.pusherj.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One transition of the connection state, the payload of pusher-js's {@code state_change} event.
 *
 * @param previous the state before the change
 * @param current the state after the change, never equal to {@code previous}
 * @param socketId the new connection's socket id when {@code current} is {@code CONNECTED} (pusher-js
 *        passes it with {@code connected}), else empty. Read it here rather than from
 *        {@link Connection#socketId()}: with a {@code callbackExecutor} the connection may have moved on by
 *        the time the listener runs.
 */
public record ConnectionStateChange(ConnectionState previous, ConnectionState current, Optional<String> socketId) {
    /**
     * Validates the transition.
     *
     * @param previous the state before the change
     * @param current the state after the change, never equal to {@code previous}
     * @param socketId the socket id, present exactly when {@code current} is {@code CONNECTED}
     */
    public ConnectionStateChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(socketId, "socketId");
    }

    /**
     * A transition without a socket id (to any state but {@code CONNECTED}).
     *
     * @param previous the state before the change
     * @param current the state after the change
     */
    public ConnectionStateChange(ConnectionState previous, ConnectionState current) {
        this(previous, current, Optional.empty());
    }
}
