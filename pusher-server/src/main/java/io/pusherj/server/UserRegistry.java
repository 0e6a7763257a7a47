package io.pusherj.server;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * User sign-in and watchlists as Pusher runs them (docs/protocol.md §3.1-3.2, §8.7): {@code pusher:signin}
 * is verified, answered with {@code pusher:signin_success}; a connection already signed in as another
 * user is refused; a watcher hears {@code online} when a watched user's first connection signs in (and
 * at sign-in for users already online) and {@code offline} when its last connection goes.
 */
final class UserRegistry {
    /** Verifies {@code auth} for {@code user_data} on a connection. */
    interface SignatureCheck {
        boolean valid(ServerConnection c, String auth, String userData);
    }

    static final int WATCHLIST_LIMIT = 100;

    private final SignatureCheck check;
    private final Map<String, Set<ServerConnection>> online = new LinkedHashMap<>();
    private final Map<ServerConnection, List<String>> watching = new LinkedHashMap<>();

    UserRegistry(SignatureCheck check) {
        this.check = check;
    }

    synchronized void signin(ServerConnection c, JsonObject data) {
        String auth = data.getString("auth", "");
        String userData = data.getString("user_data", "");
        JsonObject user;
        try (var r = ServerFrames.JSON.createReader(new StringReader(userData))) {
            user = r.readObject();
        } catch (RuntimeException e) {
            c.send(ServerFrames.error(null, "pusher:signin with invalid user_data"));
            return;
        }
        if (!check.valid(c, auth, userData) || !(user.get("id") instanceof JsonString idValue)) {
            c.send(ServerFrames.error(null, "Invalid signature or user_data in pusher:signin"));
            return;
        }
        String id = idValue.getString();
        if (c.signedInUserId().filter(other -> !other.equals(id)).isPresent()) {
            c.send(ServerFrames.error(null, "connection already signed in as another user"));
            return;
        }
        c.signedIn(id, user.getOrDefault("user_info", JsonValue.NULL));
        c.send(ServerFrames.eventWithObject(
                "pusher:signin_success",
                null,
                ServerFrames.JSON
                        .createObjectBuilder()
                        .add("user_data", userData)
                        .build()));

        List<String> watchlist = new ArrayList<>();
        if (user.get("watchlist") instanceof JsonArray a) {
            a.getValuesAs(JsonString.class).forEach(s -> watchlist.add(s.getString()));
        }
        if (watchlist.size() > WATCHLIST_LIMIT) {
            c.send(ServerFrames.error(
                    4302, "watchlist limit exceeded: only the first " + WATCHLIST_LIMIT + " ids are used"));
            watchlist.subList(WATCHLIST_LIMIT, watchlist.size()).clear();
        }
        watching.put(c, watchlist);
        boolean firstConnection = !online.containsKey(id);
        online.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(c);
        List<String> alreadyOnline =
                watchlist.stream().filter(online::containsKey).toList();
        if (!alreadyOnline.isEmpty()) {
            c.send(watchlistEvent("online", alreadyOnline));
        }
        if (firstConnection) {
            notifyWatchers(id, "online", c);
        }
    }

    synchronized void signout(ServerConnection c) {
        watching.remove(c);
        String id = c.signedInUserId().orElse(null);
        Set<ServerConnection> conns = id == null ? null : online.get(id);
        if (conns != null && conns.remove(c) && conns.isEmpty()) {
            online.remove(id);
            notifyWatchers(id, "offline", c);
        }
    }

    private void notifyWatchers(String id, String name, ServerConnection except) {
        String event = watchlistEvent(name, List.of(id));
        watching.forEach((watcher, list) -> {
            if (watcher != except && list.contains(id)) {
                watcher.send(event);
            }
        });
    }

    private static String watchlistEvent(String name, List<String> ids) {
        var idArray = ServerFrames.JSON.createArrayBuilder();
        ids.forEach(idArray::add);
        JsonObject data = ServerFrames.JSON
                .createObjectBuilder()
                .add(
                        "events",
                        ServerFrames.JSON
                                .createArrayBuilder()
                                .add(ServerFrames.JSON
                                        .createObjectBuilder()
                                        .add("name", name)
                                        .add("user_ids", idArray)))
                .build();
        return ServerFrames.event("pusher_internal:watchlist_events", null, data.toString());
    }
}
