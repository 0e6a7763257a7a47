package io.pusherj.core.connection;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.spi.Transport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;

/**
 * Factory methods for the connection errors the core reports. Every message is for a person: at most
 * {@value #MAX_MESSAGE} characters on one line, and a failure is described by the cause that says what
 * happened ("unknown host x", "connection refused"), not by the wrapper a library put around it.
 */
public final class Errors {
    /** The longest message an error carries; a server's text or a stack of wrapped causes can be kilobytes. */
    public static final int MAX_MESSAGE = 300;

    private Errors() {}

    /** {@code text} on one line, cut to {@value #MAX_MESSAGE} characters. */
    public static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE - 1) + "…";
    }

    /**
     * What went wrong, in words: the usual network failures by name, else the innermost cause that has a
     * message (Tyrus wraps a refused connection as "Connection failed."), shortened.
     */
    public static String describe(Throwable failure) {
        Throwable withMessage = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (t instanceof UnknownHostException) {
                return shorten("unknown host" + (m == null ? "" : " " + m));
            }
            if (t instanceof UnresolvedAddressException) {
                return "unknown host"; // NIO's name for it; the caller's message names the host
            }
            if (t instanceof ConnectException) {
                return shorten(m == null || m.isBlank() ? "connection refused" : m.toLowerCase(Locale.ROOT));
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return shorten("timed out" + (m == null ? "" : ": " + m));
            }
            if (m != null && !m.isBlank()) {
                withMessage = t;
            }
        }
        if (withMessage == null) {
            return failure.getClass().getSimpleName();
        }
        // A plain IOException's name adds nothing; others (SSLHandshakeException, ...) say what failed.
        String name = withMessage.getClass() == IOException.class
                ? ""
                : withMessage.getClass().getSimpleName() + ": ";
        return shorten(name + withMessage.getMessage());
    }

    /**
     * pusher-js {@code getCloseError}: a close with a code other than 1000/1001 is an error carrying the
     * code and reason; null otherwise.
     */
    public static ConnectionError closeError(int code, String reason, String transport) {
        if (code == 1000 || code == 1001) {
            return null;
        }
        String message = reason == null || reason.isBlank() ? "connection closed with code " + code : reason;
        if (code == 1009) {
            // The same event again after the reconnect means a loop: say what to look for.
            message += " (a message over the " + (Transport.MAX_MESSAGE_BYTES >> 20)
                    + " MiB message limit; a cache channel's cached event that large comes again on every reconnect"
                    + " until it expires)";
        }
        message = shorten(message);
        return new ConnectionError(
                ConnectionError.Type.PUSHER_ERROR,
                OptionalInt.of(code),
                message,
                Optional.ofNullable(transport),
                Optional.empty());
    }

    /** A {@code pusher:error} frame: code (possibly absent) and message. */
    public static ConnectionError pusherError(OptionalInt code, String message, String transport) {
        return new ConnectionError(
                ConnectionError.Type.PUSHER_ERROR,
                code,
                shorten(message),
                Optional.ofNullable(transport),
                Optional.empty());
    }

    /** Any other kind of error. */
    public static ConnectionError of(ConnectionError.Type type, String message, String transport, Throwable cause) {
        return new ConnectionError(
                type,
                OptionalInt.empty(),
                shorten(message),
                Optional.ofNullable(transport),
                Optional.ofNullable(cause));
    }
}
