package io.pusherj.server;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The test server's protocol brain, whatever the transport a connection came over ({@link Peer}):
 * subscriptions and their signatures, client events, presence, sign-in, the cache channels, subscription
 * counts, and publishing to subscribers. The server adds the handshake, the faults and the recordings.
 * Called from Jetty's threads; thread-safe.
 */
final class Broker {
    private final Map<String, Set<ServerConnection>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, String> cachedEvents = new ConcurrentHashMap<>();
    private final PresenceRegistry presence = new PresenceRegistry(this::subscribersOf);
    /** Held from a change to a channel's subscribers to the count frames it sends (taken before presence's). */
    private final Object subscriptionLock = new Object();

    private final AppSigner signer;
    private final UserRegistry users;
    private final ChannelEncryption encryption;
    private final boolean subscriptionCount;
    /** Up to this many subscribers, every change of a channel's count is sent. */
    static final int COUNT_EVERY_CHANGE_UP_TO = 100;
    /** Above it, the count is sent at most this often by default. */
    static final long LARGE_COUNT_PERIOD_SECONDS = 30;
    /** When each large channel's count was last sent ({@link System#nanoTime()}). */
    private final Map<String, Long> lastLargeCount = new ConcurrentHashMap<>();
    /** Large channels with a count waiting for the end of their period. */
    private final Set<String> trailingCount = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService timer;
    private final long largeCountPeriodNanos;

    private final BiConsumer<ServerConnection, String> onSubscribed;

    Broker(
            AppSigner signer,
            ChannelEncryption encryption,
            boolean subscriptionCount,
            Duration largeCountPeriod,
            ScheduledExecutorService timer,
            BiConsumer<ServerConnection, String> onSubscribed) {
        this.largeCountPeriodNanos = largeCountPeriod.toNanos();
        this.timer = timer;
        this.signer = signer;
        this.users = new UserRegistry(signer::verifyUserSignature);
        this.encryption = encryption;
        this.subscriptionCount = subscriptionCount;
        this.onSubscribed = onSubscribed;
    }

    /** Delivers an event to the subscribers of {@code channel} but the one excluded; returns how many. */
    int publish(String channel, String event, String data, String excludeSocketId) {
        String payload = channel.startsWith("private-encrypted-") ? encryption.seal(channel, data) : data;
        String frame = ServerFrames.event(event, channel, payload);
        if (channel.startsWith("cache-")) {
            cachedEvents.put(channel, frame);
        }
        int sent = 0;
        for (ServerConnection c : subscribers.getOrDefault(channel, Set.of())) {
            if (!c.socketId().equals(excludeSocketId)) {
                c.send(frame);
                sent++;
            }
        }
        return sent;
    }

    Set<ServerConnection> subscribersOf(String channel) {
        return subscribers.getOrDefault(channel, Set.of());
    }

    List<String> presenceUserIds(String channel) {
        return presence.userIds(channel);
    }

    int subscriberCount(String channel) {
        return subscribers.getOrDefault(channel, Set.of()).size();
    }

    void awaitSubscriberCount(String channel, int count, Duration timeout) {
        // Subscriptions are driven by received frames, so wait on those and re-check the count.
        long deadline = System.nanoTime() + timeout.toNanos();
        while (subscriberCount(channel) != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "channel " + channel + " has " + subscriberCount(channel) + " subscribers, expected " + count);
            }
            synchronized (subscribers) {
                try {
                    subscribers.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    void closed(ServerConnection c) {
        users.signout(c);
        for (String channel : c.channelSet()) {
            removeSubscriber(channel, c);
        }
        c.channelSet().clear();
    }

    void frameReceived(ServerConnection c, String text) {
        JsonObject frame;
        try (JsonReader r = ServerFrames.JSON.createReader(new StringReader(text))) {
            frame = r.readObject();
        } catch (JsonException | IllegalStateException e) {
            c.send(ServerFrames.error(null, "Invalid JSON: " + e.getMessage()));
            return;
        }
        String event = frame.getString("event", "");
        JsonObject data = frame.get("data") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        switch (event) {
            case "pusher:ping" -> c.send(ServerFrames.event("pusher:pong", null, "{}"));
            case "pusher:signin" -> users.signin(c, data);
            case "pusher:subscribe" ->
                subscribe(c, data.get("channel") instanceof JsonString s ? s.getString() : "", data);
            case "pusher:unsubscribe" -> {
                String channel = data.get("channel") instanceof JsonString s ? s.getString() : "";
                if (c.channelSet().remove(channel)) {
                    removeSubscriber(channel, c);
                }
            }
            default -> {
                if (event.startsWith("client-")) {
                    clientEvent(c, event, frame);
                }
                // Other client frames are only recorded.
            }
        }
    }

    /** Client events (docs/protocol.md §3.4): private/presence only, subscribed only, 10 per second, not echoed. */
    private void clientEvent(ServerConnection c, String event, JsonObject frame) {
        String channel = frame.getString("channel", "");
        if (!channel.startsWith("private-") && !channel.startsWith("presence-")) {
            c.send(ServerFrames.error(null, "Client event rejected - only supported on private and presence channels"));
            return;
        }
        if (!c.channelSet().contains(channel)) {
            c.send(ServerFrames.error(null, "Client event rejected - not subscribed to " + channel));
            return;
        }
        if (!c.allowClientEvent(System.nanoTime())) {
            c.send(ServerFrames.error(4301, "Client event rejected due to rate limit"));
            return;
        }
        JsonValue data = frame.get("data");
        String dataText = data instanceof JsonString str ? str.getString() : String.valueOf(data);
        String relayed = ServerFrames.clientEvent(event, channel, dataText, c.userIdIn(channel));
        for (ServerConnection other : subscribers.getOrDefault(channel, Set.of())) {
            if (other != c) {
                other.send(relayed);
            }
        }
    }

    private void subscribe(ServerConnection c, String channel, JsonObject data) {
        if (channel.isEmpty()) {
            c.send(ServerFrames.error(null, "pusher:subscribe without a channel"));
            return;
        }
        if (channel.startsWith("#server-to-user-")
                && !channel.equals("#server-to-user-" + c.signedInUserId().orElse(""))) {
            c.send(ServerFrames.error(null, "only the signed-in user may subscribe to " + channel));
            return;
        }
        boolean presenceAsSignedInUser = channel.startsWith("presence-")
                && !data.containsKey("channel_data")
                && c.signedInUserId().isPresent();
        if (presenceAsSignedInUser) {
            data = ServerFrames.JSON
                    .createObjectBuilder(data)
                    .add(
                            "channel_data",
                            ServerFrames.JSON
                                    .createObjectBuilder()
                                    .add("user_id", c.signedInUserId().orElseThrow())
                                    .add("user_info", c.signedInUserInfo())
                                    .build()
                                    .toString())
                    .build();
        }
        if (channel.startsWith("private-") || channel.startsWith("presence-")) {
            String problem = signer.checkSubscriptionSignature(c, channel, data, presenceAsSignedInUser);
            if (problem != null) {
                c.send(ServerFrames.eventWithObject(
                        "pusher:subscription_error",
                        channel,
                        ServerFrames.JSON
                                .createObjectBuilder()
                                .add("type", "AuthError")
                                .add("error", problem)
                                .add("status", 401)
                                .build()));
                return;
            }
        }
        // A subscribe, from joining the set to sending the count it made, holds the subscriptions' lock, as an
        // unsubscribe does: else a subscriber that joined meanwhile (its client acting on its own
        // subscription_succeeded) is in the count sent for this one, and every client hears one count twice.
        synchronized (subscriptionLock) {
            if (channel.startsWith("presence-")) {
                // A join, from taking the member list to announcing the newcomer, holds the registry's lock, as a
                // leave does. Else another join could announce itself to this connection before this one's
                // subscription_succeeded: the client drops that member_added, and later hears a member leave
                // that it never had.
                synchronized (presence) {
                    PresenceRegistry.Joined joined = presence.join(c, channel, data.getString("channel_data"));
                    addSubscriber(c, channel, joined.succeededData());
                    presence.announce(c, channel, joined);
                }
            } else {
                addSubscriber(c, channel, "{}");
            }
            if (channel.startsWith("cache-")) {
                String cached = cachedEvents.get(channel);
                c.send(cached != null ? cached : ServerFrames.event("pusher:cache_miss", channel, null));
            }
            subscriptionsChanged(channel);
        }
        c.recordSubscribed(channel); // after every frame of the subscription: what is published next comes after them
        onSubscribed.accept(c, channel);
    }

    /** Makes {@code c} a subscriber of {@code channel} and tells it so. */
    private void addSubscriber(ServerConnection c, String channel, String succeededData) {
        if (c.channelSet().add(channel)) {
            subscribers
                    .computeIfAbsent(channel, k -> ConcurrentHashMap.newKeySet())
                    .add(c);
        }
        c.send(ServerFrames.event("pusher_internal:subscription_succeeded", channel, succeededData));
    }

    private void removeSubscriber(String channel, ServerConnection c) {
        synchronized (subscriptionLock) { // see subscribe
            Set<ServerConnection> set = subscribers.get(channel);
            if (set != null) {
                set.remove(c);
            }
            if (channel.startsWith("presence-")) {
                presence.leave(c, channel);
            }
            subscriptionsChanged(channel);
        }
    }

    private void subscriptionsChanged(String channel) {
        synchronized (subscribers) {
            subscribers.notifyAll();
        }
        if (subscriptionCount) {
            Set<ServerConnection> set = subscribers.getOrDefault(channel, Set.of());
            if (set.size() <= COUNT_EVERY_CHANGE_UP_TO) {
                lastLargeCount.remove(channel); // small again (or empty): a long-running server forgets it
            }
            if (set.size() > COUNT_EVERY_CHANGE_UP_TO && !countDue(channel)) {
                sendAtTheEndOfThePeriod(channel);
                return;
            }
            sendCount(channel, set);
        }
    }

    private static void sendCount(String channel, Set<ServerConnection> set) {
        String frame = ServerFrames.event(
                "pusher_internal:subscription_count", channel, "{\"subscription_count\":" + set.size() + "}");
        set.forEach(s -> s.send(frame));
    }

    /**
     * A large channel's change that came within its period is sent when the period ends, once for every change
     * meanwhile: without it a channel that stopped changing would keep a stale count for good.
     */
    private void sendAtTheEndOfThePeriod(String channel) {
        Long last = lastLargeCount.get(channel);
        if (last == null || !trailingCount.add(channel)) {
            return; // small again, or already waiting
        }
        long delay = Math.max(0, last + largeCountPeriodNanos - System.nanoTime());
        try {
            timer.schedule(
                    () -> {
                        trailingCount.remove(channel);
                        synchronized (subscriptionLock) { // a count in order with the changes' own
                            Set<ServerConnection> set = subscribers.getOrDefault(channel, Set.of());
                            if (set.size() > COUNT_EVERY_CHANGE_UP_TO) {
                                if (countDue(channel)) {
                                    sendCount(channel, set);
                                } else {
                                    sendAtTheEndOfThePeriod(channel); // another send took this period
                                }
                            }
                        }
                        // Small again: the change that made it small sent its count.
                    },
                    delay,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            trailingCount.remove(channel); // the server is closing
        }
    }

    /**
     * Whether a large channel's count may be sent now: Pusher sends it on every change up to
     * {@value #COUNT_EVERY_CHANGE_UP_TO} subscribers and at most every {@value #LARGE_COUNT_PERIOD_SECONDS} s
     * above (docs/protocol.md). Sent on every change, a channel filling to N subscribers cost N²/2 frames:
     * 50 million for 10,000.
     */
    private boolean countDue(String channel) {
        long now = System.nanoTime();
        boolean[] due = {false};
        lastLargeCount.compute(channel, (c, last) -> {
            if (last == null || now - last >= largeCountPeriodNanos) {
                due[0] = true;
                return now;
            }
            return last;
        });
        return due[0];
    }
}
