package io.pusherj.core.connection;

import io.pusherj.api.ConnectionError;
import io.pusherj.core.protocol.CloseAction;
import java.util.Optional;

/**
 * The outcome of a handshake (pusher-js {@code HandshakePayload}): connected, or an action to take,
 * with the error that caused it. Any result counts as success for the strategy layer.
 *
 * @param action null when connected, else what to do
 * @param connection the new connection when connected
 * @param error the error behind the action, if any
 * @param priority the priority of the transport that produced this result
 * @param transportName the slot of that transport (for the transport cache)
 */
public record HandshakeResult(
        CloseAction action,
        ProtocolConnection connection,
        Optional<ConnectionError> error,
        int priority,
        String transportName) {

    /** A successful handshake. */
    static HandshakeResult connected(ProtocolConnection connection, int priority) {
        return new HandshakeResult(null, connection, Optional.empty(), priority, connection.transportName());
    }

    /** An unsuccessful handshake with its action. */
    static HandshakeResult action(CloseAction action, ConnectionError error, int priority, String transportName) {
        return new HandshakeResult(action, null, Optional.ofNullable(error), priority, transportName);
    }

    /** Whether the handshake connected. */
    public boolean isConnected() {
        return connection != null;
    }
}
