package io.pusherj.api;

import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * An event received from the server, decoded the way pusher-js decodes it (docs/protocol.md §2).
 */
public interface PusherEvent {
    /** {@return the event name, e.g. {@code "order-shipped"} or {@code "pusher:subscription_succeeded"}} */
    String eventName();

    /** {@return the channel the event was sent on; empty for connection-level events} */
    Optional<String> channelName();

    /**
     * The event data as text: when the server sent a JSON string (the usual case) its content, otherwise
     * the JSON text of the value; the empty string when the frame had no {@code data}.
     *
     * @return the data as text, never {@code null}
     */
    String data();

    /** {@return whether the frame carried a {@code data} member at all} */
    boolean hasData();

    /**
     * The decoded data: a string that holds JSON is parsed into its value, any other string stays a
     * {@link jakarta.json.JsonString}, and a missing {@code data} is {@link JsonValue#NULL}.
     * Parsed on first use.
     *
     * @return the data as a JSON value, never {@code null}
     */
    JsonValue json();

    /**
     * {@return the sender's user id: on client events of presence channels, as pusher-js passes it;
     * empty on every other channel, whatever the server sent}
     */
    Optional<String> userId();
}
