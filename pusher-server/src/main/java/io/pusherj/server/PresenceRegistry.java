package io.pusherj.server;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Presence membership as Pusher keeps it: a user is a member while at least one of its connections is
 * subscribed; others hear {@code member_added} for a new user and {@code member_removed} when its last
 * connection leaves.
 */
final class PresenceRegistry {
    private record Presence(JsonValue info, Set<ServerConnection> connections) {}

    private final Map<String, Map<String, Presence>> channels = new LinkedHashMap<>();
    private final Function<String, Set<ServerConnection>> subscribers;

    PresenceRegistry(Function<String, Set<ServerConnection>> subscribers) {
        this.subscribers = subscribers;
    }

    /**
     * A join: the {@code subscription_succeeded} data for the new connection, and the
     * {@code member_added} frame for the others (null when the user was already a member).
     */
    record Joined(String succeededData, String memberAdded) {}

    /**
     * Adds the connection's user. The caller announces {@link Joined#memberAdded()} once the connection is a
     * subscriber and has its {@code subscription_succeeded}, as Pusher does: a member reacting to the
     * announcement (a greeting client event) must reach the newcomer.
     */
    synchronized Joined join(ServerConnection c, String channel, String channelData) {
        JsonObject data;
        try (var r = ServerFrames.JSON.createReader(new StringReader(channelData))) {
            data = r.readObject();
        }
        JsonValue rawId = data.get("user_id");
        String userId = rawId instanceof JsonString s ? s.getString() : ((JsonNumber) rawId).toString();
        JsonValue info = data.getOrDefault("user_info", JsonValue.NULL);
        c.presenceUserId(channel, userId);
        Map<String, Presence> members = channels.computeIfAbsent(channel, k -> new LinkedHashMap<>());
        Presence existing = members.get(userId);
        String added = null;
        if (existing == null) {
            members.put(userId, new Presence(info, new LinkedHashSet<>(Set.of(c))));
            added = ServerFrames.event(
                    "pusher_internal:member_added",
                    channel,
                    ServerFrames.JSON
                            .createObjectBuilder()
                            .add("user_id", userId)
                            .add("user_info", info)
                            .build()
                            .toString());
        } else {
            existing.connections().add(c);
        }
        var ids = ServerFrames.JSON.createArrayBuilder();
        var hash = ServerFrames.JSON.createObjectBuilder();
        members.forEach((id, p) -> {
            ids.add(id);
            hash.add(id, p.info());
        });
        return new Joined(
                ServerFrames.JSON
                        .createObjectBuilder()
                        .add(
                                "presence",
                                ServerFrames.JSON
                                        .createObjectBuilder()
                                        .add("ids", ids)
                                        .add("hash", hash)
                                        .add("count", members.size()))
                        .build()
                        .toString(),
                added);
    }

    /** Sends a join's {@code member_added} to every other subscriber of {@code channel}. */
    void announce(ServerConnection c, String channel, Joined joined) {
        if (joined.memberAdded() != null) {
            subscribers.apply(channel).stream().filter(o -> o != c).forEach(o -> o.send(joined.memberAdded()));
        }
    }

    /** Removes the connection; the user leaves when it was its last connection. */
    synchronized void leave(ServerConnection c, String channel) {
        String userId = c.userIdIn(channel);
        Map<String, Presence> members = channels.get(channel);
        if (userId == null || members == null) {
            return;
        }
        c.presenceUserId(channel, null);
        Presence p = members.get(userId);
        if (p != null && p.connections().remove(c) && p.connections().isEmpty()) {
            members.remove(userId);
            String removed = ServerFrames.event(
                    "pusher_internal:member_removed",
                    channel,
                    ServerFrames.JSON
                            .createObjectBuilder()
                            .add("user_id", userId)
                            .build()
                            .toString());
            subscribers.apply(channel).stream().filter(o -> o != c).forEach(o -> o.send(removed));
        }
    }

    synchronized List<String> userIds(String channel) {
        return List.copyOf(channels.getOrDefault(channel, Map.of()).keySet());
    }
}
