package io.pusherj.core;

import io.pusherj.api.Binding;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.EventNames;
import io.pusherj.api.Member;
import io.pusherj.api.Members;
import io.pusherj.api.PresenceChannel;
import io.pusherj.core.auth.AuthErrors;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** A {@code presence-} channel (pusher-js {@code presence_channel.ts} and {@code members.ts}). */
final class PresenceChannelImpl extends PrivateChannelImpl implements PresenceChannel {
    private final Listeners<Consumer<Member>> added = new Listeners<>();
    private final Listeners<Consumer<Member>> removed = new Listeners<>();
    private volatile MembersSnapshot members = MembersSnapshot.EMPTY;
    private String myId;

    PresenceChannelImpl(String name, Host host) {
        super(name, host);
    }

    @Override
    String kind() {
        return "presence";
    }

    @Override
    public Members members() {
        return members;
    }

    @Override
    public Binding onMemberAdded(Consumer<Member> listener) {
        return added.add(listener);
    }

    @Override
    public Binding onMemberRemoved(Consumer<Member> listener) {
        return removed.add(listener);
    }

    @Override
    void inheritAuthorization(ChannelImpl retired) {
        myId = ((PresenceChannelImpl) retired).myId;
    }

    @Override
    public void unbindAll() {
        super.unbindAll();
        added.clear();
        removed.clear();
    }

    @Override
    void onAuthorized(ChannelAuthorization authorization) {
        if (authorization.channelData().isEmpty()) {
            // docs/protocol.md §8.6: without channel_data the server uses the signed-in identity. The sign-in
            // started with the connection, as this subscription did, and takes a round trip more, so
            // wait for it (pusher-js awaits signinDonePromise).
            host.whenSigninSettled(() -> {
                // An object unsubscribed and subscribed again meanwhile hands the wait to its successor.
                PresenceChannelImpl target = (PresenceChannelImpl) current();
                if (!target.isSubscriptionPending()) {
                    return; // the connection went away meanwhile; the next one subscribes again
                }
                Optional<String> signedIn = host.signedInUserId();
                if (signedIn.isEmpty()) {
                    target.subscriptionFailed(AuthErrors.error(
                            "invalid auth response for presence channel '" + name()
                                    + "': no channel_data, and the user is not signed in (call signin(), or see its sign-in error)",
                            OptionalInt.empty()));
                    return;
                }
                target.myId = signedIn.get();
                target.sendSubscribe(authorization);
            });
            return;
        }
        String id = userIdOf(
                FrameCodec.parseOrNull(authorization.channelData().get()) instanceof JsonObject o
                        ? o.get("user_id")
                        : null);
        if (id == null) {
            subscriptionFailed(AuthErrors.error(
                    "invalid channel_data for presence channel '" + name()
                            + "': it must be a JSON object with a user_id",
                    OptionalInt.empty()));
            return;
        }
        myId = id;
        sendSubscribe(authorization);
    }

    /** User ids are strings on the wire, but some app servers send numbers. */
    private static String userIdOf(JsonValue v) {
        if (v instanceof JsonString s && !s.getString().isEmpty()) {
            return s.getString();
        }
        return v instanceof JsonNumber n ? n.toString() : null;
    }

    @Override
    void disconnect() {
        super.disconnect();
        members = MembersSnapshot.EMPTY;
    }

    @Override
    void handleEvent(Frame frame) {
        switch (frame.eventName()) {
            case "pusher_internal:subscription_succeeded" -> {
                JsonObject presence = FrameCodec.dataObject(frame).get("presence") instanceof JsonObject p
                        ? p
                        : JsonValue.EMPTY_JSON_OBJECT;
                Map<String, Member> all = new LinkedHashMap<>();
                if (presence.get("hash") instanceof JsonObject hash) {
                    hash.forEach((id, info) -> all.put(id, new Member(id, info)));
                }
                int count = presence.get("count") instanceof JsonNumber n ? n.intValue() : all.size();
                members = new MembersSnapshot(all, count, myId);
                super.handleEvent(frame);
            }
            case "pusher_internal:member_added" -> {
                JsonObject data = FrameCodec.dataObject(frame);
                String id = userIdOf(data.get("user_id"));
                if (id != null) {
                    JsonValue info = data.containsKey("user_info") ? data.get("user_info") : JsonValue.NULL;
                    Member m = new Member(id, info);
                    // An id already present is updated (the count stays) and announced again, as pusher-js
                    // does: apps refresh what they show of a member from member_added.
                    members = members.with(m);
                    publish(EventNames.MEMBER_ADDED, m, added, frame);
                }
            }
            case "pusher_internal:member_removed" -> {
                String id = userIdOf(FrameCodec.dataObject(frame).get("user_id"));
                Member m = id == null ? null : members.get(id).orElse(null);
                if (m != null) {
                    members = members.without(id);
                    publish(EventNames.MEMBER_REMOVED, m, removed, frame);
                }
            }
            default -> super.handleEvent(frame);
        }
    }

    @Override
    Frame applicationEvent(Frame frame) {
        return frame; // the sender's user_id is what client events on presence channels carry
    }

    /** Typed listeners first, then the pusher-js event, as for subscription errors. */
    private void publish(String eventName, Member m, Listeners<Consumer<Member>> typed, Frame frame) {
        if (!typed.isEmpty()) {
            host.deliver(() -> typed.forEach(l -> l.accept(m), host::listenerFailed));
        }
        emit(new Frame(
                eventName,
                name(),
                FrameCodec.json()
                        .createObjectBuilder()
                        .add("id", m.id())
                        .add("info", m.info())
                        .build(),
                frame.userId().orElse(null)));
    }
}
