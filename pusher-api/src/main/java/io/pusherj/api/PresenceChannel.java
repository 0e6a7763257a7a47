package io.pusherj.api;

import java.util.function.Consumer;

/**
 * A {@code presence-} channel: a private channel that knows who is subscribed. Members are cleared when
 * the connection goes away and filled again by the next {@code subscription_succeeded}.
 * Client events received here carry the sender's {@link PusherEvent#userId()}.
 */
public interface PresenceChannel extends PrivateChannel {
    /** A snapshot of the members (empty until subscribed). Safe from any thread. */
    Members members();

    /** Listens to users joining (pusher-js {@code pusher:member_added}); not called for users already present. */
    Binding onMemberAdded(Consumer<Member> listener);

    /** Listens to users leaving (pusher-js {@code pusher:member_removed}). */
    Binding onMemberRemoved(Consumer<Member> listener);
}
