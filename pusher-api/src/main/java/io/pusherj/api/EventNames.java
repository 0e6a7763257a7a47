package io.pusherj.api;

/** Names of the protocol events an application may bind to. */
public final class EventNames {
    /** On a channel: the server confirmed the subscription. */
    public static final String SUBSCRIPTION_SUCCEEDED = "pusher:subscription_succeeded";
    /** On a channel: the subscription failed (for example, authorization was refused). */
    public static final String SUBSCRIPTION_ERROR = "pusher:subscription_error";
    /** On a channel: the server's subscriber count, data {@code {"subscription_count": n}}. */
    public static final String SUBSCRIPTION_COUNT = "pusher:subscription_count";
    /** On a cache channel: no cached event exists. */
    public static final String CACHE_MISS = "pusher:cache_miss";
    /** On a presence channel: a user joined; data {@code {"id": ..., "info": ...}}. */
    public static final String MEMBER_ADDED = "pusher:member_added";
    /** On a presence channel: a user left; data {@code {"id": ..., "info": ...}}. */
    public static final String MEMBER_REMOVED = "pusher:member_removed";
    /** Global: the connection was established; data {@code {"socket_id": ..., "activity_timeout": ...}}. */
    public static final String CONNECTION_ESTABLISHED = "pusher:connection_established";
    /** Global: no transport can be used; the connection is {@code failed}. */
    public static final String CONNECTION_FAILED = "pusher:connection_failed";
    /** Global: an error frame from the server. */
    public static final String ERROR = "pusher:error";
    /**
     * On {@link Pusher#user()}: sign-in failed; data {@code {"type": "AuthError", "error": ..., "status": ...}}
     * ({@code status} only for HTTP failures), as on a channel's subscription error.
     */
    public static final String SIGNIN_ERROR = "pusher:signin_error";

    private EventNames() {}
}
