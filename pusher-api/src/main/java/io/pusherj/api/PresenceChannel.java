package io.pusherj.api;

import java.util.function.Consumer;

/**
 * A {@code presence-} channel: a private channel that knows who is subscribed. Members are cleared when
 * the connection goes away and filled again by the next {@code subscription_succeeded}.
 * Client events received here carry the sender's {@link PusherEvent#userId()}.
 *
 * <pre>{@code
 * PresenceChannel room = pusher.subscribePresence("presence-room", ch -> {
 *     ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, e -> showRoster(ch.members().all()));
 *     ch.onMemberAdded(m -> showJoined(m.id(), m.info()));
 *     ch.onMemberRemoved(m -> showLeft(m.id()));
 *     ch.bind("client-typing", e -> showTyping(e.userId().orElse("?")));
 * });
 * room.trigger("client-typing", JsonValue.EMPTY_JSON_OBJECT);   // once subscribed
 * }</pre>
 */
public interface PresenceChannel extends PrivateChannel {
    /** {@return a snapshot of the members (empty until subscribed)} Safe from any thread. */
    Members members();

    /**
     * Listens to users joining (pusher-js {@code pusher:member_added}). Called again when the server
     * announces a member already present, as pusher-js does, with the member's new info; the count rises
     * only for a new id.
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onMemberAdded(Consumer<Member> listener);

    /**
     * Listens to users leaving (pusher-js {@code pusher:member_removed}).
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onMemberRemoved(Consumer<Member> listener);
}
