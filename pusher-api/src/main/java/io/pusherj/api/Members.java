package io.pusherj.api;

import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of a presence channel's members (pusher-js {@code members.ts}). Take a new one
 * from {@link PresenceChannel#members()} after changes.
 */
public interface Members {
    /** The number of distinct users, as the server counts them. */
    int count();

    /** This client's own member entry, once subscribed. */
    Optional<Member> me();

    /** The member with this user id. */
    Optional<Member> get(String userId);

    /** Every member, in the order they were added. */
    List<Member> all();
}
