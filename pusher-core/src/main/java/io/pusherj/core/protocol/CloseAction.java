package io.pusherj.core.protocol;

/** What the connection manager does after a close code or handshake error (pusher-js protocol.ts). */
public enum CloseAction {
    /** 4000: the app only accepts TLS; switch to TLS for good and retry at once. */
    TLS_ONLY,
    /** 4001-4099 and 4300+: the server refuses this client; stop ({@code disconnected}). */
    REFUSED,
    /** 4100-4199 and 1002-1004: retry after a one-second back-off. */
    BACKOFF,
    /** 4200-4299: retry at once. */
    RETRY;

    /**
     * pusher-js {@code getCloseAction}: the action for a close code, or null when the code asks for
     * nothing special (1000, 1001, 1006, ... — a plain drop).
     */
    public static CloseAction forCode(int code) {
        if (code < 4000) {
            return code >= 1002 && code <= 1004 ? BACKOFF : null;
        }
        if (code == 4000) {
            return TLS_ONLY;
        }
        if (code < 4100) {
            return REFUSED;
        }
        if (code < 4200) {
            return BACKOFF;
        }
        if (code < 4300) {
            return RETRY;
        }
        return REFUSED;
    }
}
