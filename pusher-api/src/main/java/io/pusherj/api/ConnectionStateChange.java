package io.pusherj.api;

import java.util.Objects;

/**
 * One transition of the connection state, the payload of pusher-js's {@code state_change} event.
 *
 * @param previous the state before the change
 * @param current the state after the change, never equal to {@code previous}
 */
public record ConnectionStateChange(ConnectionState previous, ConnectionState current) {
    /**
     * Validates the transition.
     *
     * @param previous the state before the change
     * @param current the state after the change, never equal to {@code previous}
     */
    public ConnectionStateChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }
}
