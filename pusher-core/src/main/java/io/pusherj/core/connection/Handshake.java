package io.pusherj.core.connection;

import io.pusherj.api.ConnectionError;
import io.pusherj.core.protocol.CloseAction;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.protocol.FrameParseException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Waits for the first frame of an open socket (pusher-js {@code handshake/index.ts}):
 * {@code pusher:connection_established} gives a connection, {@code pusher:error} or a close gives the
 * close-code action. Anything else is a handshake error, which pusher-js leaves unhandled (it then sits
 * in {@code connecting}); pusherj treats it as a back-off (docs/protocol.md §6.2).
 */
public final class Handshake implements StrandSocket.Handler {
    private final StrandSocket socket;
    private final String transportName;
    private final int priority;
    private final Consumer<HandshakeResult> callback;
    private final long transportPingDelay;

    /** Takes over {@code socket}; {@code callback} gets exactly one result unless {@link #close()} comes first. */
    public Handshake(
            StrandSocket socket,
            String transportName,
            int priority,
            long transportPingDelay,
            Consumer<HandshakeResult> callback) {
        this.transportPingDelay = transportPingDelay;
        this.socket = socket;
        this.transportName = transportName;
        this.priority = priority;
        this.callback = callback;
        socket.setHandler(this);
    }

    /** Abandons the handshake and closes the socket. */
    public void close() {
        socket.setHandler(null);
        socket.close();
    }

    @Override
    public void onOpen() {
        // Already open: the handshake starts after onOpen.
    }

    @Override
    public void onMessage(String text) {
        socket.setHandler(null);
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (FrameParseException e) {
            fail(CloseAction.BACKOFF, handshakeError("invalid handshake frame: " + e.getMessage()));
            return;
        }
        switch (frame.eventName()) {
            case "pusher:connection_established" -> established(frame);
            case "pusher:error" -> {
                JsonObject data = FrameCodec.dataObject(frame);
                OptionalInt code =
                        data.get("code") instanceof JsonNumber n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
                String message =
                        data.get("message") instanceof JsonString s ? s.getString() : "pusher:error during handshake";
                // A missing code maps to no action in pusher-js (an internal failure there): back off instead.
                CloseAction action = code.isPresent() ? CloseAction.forCode(code.getAsInt()) : null;
                fail(action == null ? CloseAction.BACKOFF : action, Errors.pusherError(code, message, transportName));
            }
            default ->
                fail(
                        CloseAction.BACKOFF,
                        handshakeError("expected pusher:connection_established first, got " + frame.eventName()));
        }
    }

    private void established(Frame frame) {
        JsonObject data = FrameCodec.dataObject(frame);
        if (!(data.get("socket_id") instanceof JsonString id) || id.getString().isEmpty()) {
            fail(CloseAction.BACKOFF, handshakeError("connection_established without a socket_id: " + frame.data()));
            return;
        }
        long activityMillis = activityTimeoutMillis(data.get("activity_timeout"));
        ProtocolConnection connection = new ProtocolConnection(
                socket, transportName, priority, id.getString(), activityMillis, transportPingDelay, frame);
        callback.accept(HandshakeResult.connected(connection, priority));
    }

    /**
     * The server's {@code activity_timeout} (seconds) in milliseconds, or 0 to keep the option. As in
     * pusher-js's {@code activity_timeout * 1000}, a fraction ({@code 0.5}) and a numeric string
     * ({@code "30"}) count. pusher-js rejects a missing or zero value and turns a non-numeric one into a
     * timer that fires at once; pusherj keeps its own {@code activityTimeout} for all of those, so servers
     * that omit the field still work.
     */
    static long activityTimeoutMillis(JsonValue value) {
        BigDecimal seconds = null;
        if (value instanceof JsonNumber n) {
            seconds = n.bigDecimalValue();
        } else if (value instanceof JsonString s) {
            try {
                seconds = new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        if (seconds == null || seconds.signum() <= 0) {
            return 0;
        }
        BigDecimal millis = seconds.movePointRight(3);
        return millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0
                ? Long.MAX_VALUE
                : Math.max(1, millis.setScale(0, RoundingMode.HALF_UP).longValue());
    }

    private ConnectionError handshakeError(String message) {
        return Errors.of(ConnectionError.Type.HANDSHAKE_ERROR, message, transportName, null);
    }

    private void fail(CloseAction action, ConnectionError error) {
        socket.close();
        callback.accept(HandshakeResult.action(action, error, priority, transportName));
    }

    @Override
    public void onActivity() {
        // Only the first message matters here.
    }

    @Override
    public void onError(Throwable error) {
        // A close follows and decides the action.
    }

    @Override
    public void onClose(int code, String reason, boolean wasClean) {
        CloseAction action = CloseAction.forCode(code);
        callback.accept(HandshakeResult.action(
                action == null ? CloseAction.BACKOFF : action,
                Errors.closeError(code, reason, transportName),
                priority,
                transportName));
    }
}
