package io.pusherj.api;

import java.util.Locale;

/**
 * The six connection states of the Channels connection, exactly as the Pusher docs and pusher-js
 * name them. {@link #wireName()} gives the lower-case name used in events and on the CLI.
 */
public enum ConnectionState {
    /** Created, never connected. No event is emitted for this state. */
    INITIALIZED,
    /** A connection attempt is in progress (first attempt or a reconnect). */
    CONNECTING,
    /** Open and acknowledged by the server; a socket id is known. */
    CONNECTED,
    /** Connecting has taken longer than {@code unavailableTimeout}; attempts continue in the background. */
    UNAVAILABLE,
    /** No usable transport: nothing will happen until {@code connect()} is called again. */
    FAILED,
    /** Closed on purpose by {@code disconnect()} or refused by the server (close codes 4001-4099, 4300+). */
    DISCONNECTED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** {@return the lower-case name pusher-js uses for this state, e.g. {@code "connected"}} */
    public String wireName() {
        return wireName;
    }
}
