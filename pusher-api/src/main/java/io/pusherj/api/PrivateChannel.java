package io.pusherj.api;

import jakarta.json.JsonValue;

/**
 * A {@code private-} channel: authorized through the auth endpoint on every (re)connect, and able to
 * send client events.
 */
public interface PrivateChannel extends Channel {
    /**
     * Sends a client event to the other subscribers (never back to this client). The server accepts at
     * most 10 client events per second per connection and answers more with a {@code pusher:error}
     * 4301, reported on the connection's error listeners; client events must be enabled in the app.
     *
     * @param eventName must start with {@code client-}
     * @param data the event data, sent as a JSON value
     * @return {@link TriggerResult#SENT}, or why nothing was sent
     * @throws IllegalArgumentException if the name does not start with {@code client-}
     */
    TriggerResult trigger(String eventName, JsonValue data);
}
