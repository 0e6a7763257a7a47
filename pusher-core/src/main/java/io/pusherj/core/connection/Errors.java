package io.pusherj.core.connection;

import io.pusherj.api.ConnectionError;
import java.util.Optional;
import java.util.OptionalInt;

/** Factory methods for the connection errors the core reports. */
public final class Errors {
    private Errors() {
    }

    /**
     * pusher-js {@code getCloseError}: a close with a code other than 1000/1001 is an error carrying the
     * code and reason; null otherwise.
     */
    public static ConnectionError closeError(int code, String reason, String transport) {
        if (code == 1000 || code == 1001) {
            return null;
        }
        String message = reason == null || reason.isEmpty() ? "connection closed with code " + code : reason;
        return new ConnectionError(ConnectionError.Type.PUSHER_ERROR, OptionalInt.of(code), message,
                Optional.ofNullable(transport), Optional.empty());
    }

    /** A {@code pusher:error} frame: code (possibly absent) and message. */
    public static ConnectionError pusherError(OptionalInt code, String message, String transport) {
        return new ConnectionError(ConnectionError.Type.PUSHER_ERROR, code, message,
                Optional.ofNullable(transport), Optional.empty());
    }

    /** Any other kind of error. */
    public static ConnectionError of(ConnectionError.Type type, String message, String transport, Throwable cause) {
        return new ConnectionError(type, OptionalInt.empty(), message, Optional.ofNullable(transport),
                Optional.ofNullable(cause));
    }
}
