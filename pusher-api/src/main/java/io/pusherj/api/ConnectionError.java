package io.pusherj.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error reported on the connection: the payload of pusher-js's connection {@code error} event.
 *
 * <p>The Channels docs' quota check reads naturally:
 * <pre>{@code
 * pusher.connection().onError(err -> {
 *     if (err.code().orElse(0) == 4004) log(">>> detected limit error");
 * });
 * }</pre>
 *
 * @param type what kind of error, using pusher-js's names where it has one
 * @param code the Pusher or WebSocket close code, when there is one
 * @param message a human-readable description (never contains credentials)
 * @param transport the transport slot involved ({@code ws}, {@code wss}, ...), when known
 * @param cause the underlying exception, when there is one
 */
public record ConnectionError(
        Type type, OptionalInt code, String message, Optional<String> transport, Optional<Throwable> cause) {

    /** Kinds of connection errors. */
    public enum Type {
        /** A {@code pusher:error} frame or a close code from the server ({@code PusherError} in pusher-js). */
        PUSHER_ERROR("PusherError"),
        /** The transport failed: I/O error, TLS failure, refused connection ({@code WebSocketError}). */
        TRANSPORT_ERROR("WebSocketError"),
        /** A frame that is not a JSON object with an {@code event} ({@code MessageParseError}). */
        MESSAGE_PARSE_ERROR("MessageParseError"),
        /** The first frame was neither {@code connection_established} nor {@code pusher:error}. */
        HANDSHAKE_ERROR("HandshakeError"),
        /** A listener threw; the exception is the cause and delivery went on. */
        LISTENER_ERROR("ListenerError");

        private final String pusherJsName;

        Type(String pusherJsName) {
            this.pusherJsName = pusherJsName;
        }

        /** {@return the name pusher-js gives this kind of error, e.g. {@code "PusherError"}} */
        public String pusherJsName() {
            return pusherJsName;
        }
    }

    /**
     * Validates the components.
     *
     * @param type what kind of error, using pusher-js's names where it has one
     * @param code the Pusher or WebSocket close code, when there is one
     * @param message a human-readable description (never contains credentials)
     * @param transport the transport slot involved ({@code ws}, {@code wss}, ...), when known
     * @param cause the underlying exception, when there is one
     */
    public ConnectionError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(cause, "cause");
    }
}
