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
import java.util.OptionalInt;

/**
 * An established connection (pusher-js {@code connection/connection.ts}): decodes frames, answers
 * {@code pusher:ping}, turns {@code pusher:error} frames and close codes into errors and actions.
 * Lives on the strand.
 */
public final class ProtocolConnection implements StrandSocket.Handler {
    /** Receives what happens on the connection; called on the strand. */
    public interface Listener {
        /** A decoded frame (every frame, including {@code pusher:*} ones). */
        void onFrame(Frame frame);

        /** Proof of life that is not a frame, or a frame that could not be decoded. */
        void onActivity();

        /** An error that does not close the connection by itself. */
        void onError(ConnectionError error);

        /**
         * The connection closed.
         *
         * @param action what the close code asks for, or null for a plain drop
         * @param error the close error, or null for a normal close (1000/1001)
         */
        void onClosed(CloseAction action, ConnectionError error);
    }

    private final StrandSocket socket;
    private final String transportName;
    private final int priority;
    private final String socketId;
    private final long serverActivityTimeoutMillis;
    private final long transportPingDelayMillis;
    private Frame establishedFrame;
    private Listener listener;

    ProtocolConnection(
            StrandSocket socket,
            String transportName,
            int priority,
            String socketId,
            long serverActivityTimeoutMillis,
            long transportPingDelayMillis,
            Frame establishedFrame) {
        this.transportPingDelayMillis = transportPingDelayMillis;
        this.socket = socket;
        this.transportName = transportName;
        this.priority = priority;
        this.socketId = socketId;
        this.serverActivityTimeoutMillis = serverActivityTimeoutMillis;
        this.establishedFrame = establishedFrame;
    }

    /** Starts delivering this connection's events to {@code l}. */
    public void bind(Listener l) {
        listener = l;
        socket.setHandler(this);
    }

    /** The socket id from the handshake. */
    public String socketId() {
        return socketId;
    }

    /** The slot name of the transport, e.g. {@code ws}. */
    public String transportName() {
        return transportName;
    }

    /** The transport priority. */
    public int priority() {
        return priority;
    }

    /** The server's {@code activity_timeout} in milliseconds, or 0 if it sent none. */
    public long serverActivityTimeoutMillis() {
        return serverActivityTimeoutMillis;
    }

    /** The ping delay its transport learned from short-lived connections (docs/protocol.md §10.6), or 0 for none. */
    public long transportPingDelayMillis() {
        return transportPingDelayMillis;
    }

    /**
     * The {@code pusher:connection_established} frame, once: it is delivered when the state becomes
     * connected, and a connection that lives for days need not keep it (with its parsed JSON). Strand only.
     */
    public Frame takeEstablishedFrame() {
        Frame f = establishedFrame;
        establishedFrame = null;
        return f;
    }

    /** Whether the transport checks liveness itself (no ping timer needed). */
    public boolean handlesActivityChecks() {
        return socket.transport().handlesActivityChecks();
    }

    /** Sends a raw frame; false when the socket is not open. */
    public boolean send(String frame) {
        return socket.send(frame);
    }

    /** Sends {@code {"event":event,"data":data[,"channel":channel]}}. */
    public boolean sendEvent(String event, JsonValue data, String channel) {
        return socket.send(FrameCodec.encode(event, data, channel));
    }

    /** An activity check: the transport's own ping if it has one, else {@code pusher:ping}. */
    public void ping() {
        if (socket.transport().supportsPing()) {
            socket.ping();
        } else {
            sendEvent("pusher:ping", JsonValue.EMPTY_JSON_OBJECT, null);
        }
    }

    /** Closes the connection without reporting the close. */
    public void close() {
        socket.setHandler(null);
        listener = null;
        socket.close();
    }

    @Override
    public void onOpen() {
        // Already open.
    }

    @Override
    public void onMessage(String text) {
        if (listener == null) {
            return;
        }
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (FrameParseException e) {
            listener.onActivity();
            if (listener != null) {
                listener.onError(Errors.of(ConnectionError.Type.MESSAGE_PARSE_ERROR, e.getMessage(), transportName, e));
            }
            return;
        }
        switch (frame.eventName()) {
            case "pusher:error" -> {
                JsonObject data = FrameCodec.dataObject(frame);
                OptionalInt code =
                        data.get("code") instanceof JsonNumber n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
                String message = data.get("message") instanceof JsonString s ? s.getString() : frame.data();
                listener.onError(Errors.pusherError(code, message, transportName));
                if (listener == null) {
                    return;
                }
            }
            case "pusher:ping" -> sendEvent("pusher:pong", JsonValue.EMPTY_JSON_OBJECT, null);
            default -> {
                // Every other frame is handed on as it is.
            }
        }
        if (listener != null) {
            listener.onFrame(frame);
        }
    }

    @Override
    public void onActivity() {
        if (listener != null) {
            listener.onActivity();
        }
    }

    @Override
    public void onError(Throwable error) {
        if (listener == null) {
            return;
        }
        listener.onError(Errors.of(
                ConnectionError.Type.TRANSPORT_ERROR,
                transportName + ": " + Errors.describe(error),
                transportName,
                error));
    }

    @Override
    public void onClose(int code, String reason, boolean wasClean) {
        Listener l = listener;
        listener = null;
        if (l == null) {
            return;
        }
        l.onClosed(CloseAction.forCode(code), Errors.closeError(code, reason, transportName));
    }
}
