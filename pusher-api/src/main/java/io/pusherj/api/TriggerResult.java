package io.pusherj.api;

/** What happened to a client event passed to {@link PrivateChannel#trigger}. */
public enum TriggerResult {
    /** Accepted and handed to the connection for sending, in order with other frames. */
    SENT,
    /** Refused: the channel is not subscribed (yet, or any more). Nothing was sent. */
    NOT_SUBSCRIBED,
    /** Refused: the client is not connected. Nothing was sent. */
    NOT_CONNECTED
}
