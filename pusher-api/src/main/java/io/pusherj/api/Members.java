package io.pusherj.api;

import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of a presence channel's members (pusher-js {@code members.ts}). Take a new one
 * from {@link PresenceChannel#members()} after changes.
 */
public interface Members {
    /** {@return the number of distinct users, as the server counts them} */
    int count();

    /** {@return this client's own member entry, once subscribed} */
    Optional<Member> me();

    /**
     * The member with this user id.
     *
     * @param userId the user id
     * @return the member, if present
     */
    Optional<Member> get(String userId);

    /** {@return every member, in the order they were added} */
    List<Member> all();
}
