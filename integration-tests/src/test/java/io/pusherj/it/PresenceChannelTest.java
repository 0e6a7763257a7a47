package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Member;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.TriggerResult;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import jakarta.json.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Presence channels: members, joins and leaves, user_id on client events, reset on reconnect. */
class PresenceChannelTest extends ServerTest {

    Pusher user(String id, VirtualScheduler time) {
        var options = server.clientOptions()
                .autoConnect(false)
                .authEndpoint(server.authEndpoint().toString())
                .authParam("user_id", id)
                .authParam("user_name", id.toUpperCase());
        if (time != null) {
            options.scheduler(time);
        }
        return track(Pusher.create(server.appKey(), options.build()));
    }

    PresenceChannel join(Pusher p, String channel) {
        PresenceChannel room = p.subscribePresence(channel);
        EventRecorder ok = new EventRecorder();
        room.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        p.connect();
        ok.await(1, WAIT);
        return room;
    }

    @Test
    void membersMeJoinsAndLeavesFollowPusherJs() {
        Pusher ada = user("ada", null);
        PresenceChannel room = join(ada, "presence-room");
        assertEquals(1, room.members().count());
        assertEquals("ada", room.members().me().orElseThrow().id());
        assertEquals(
                "ADA", room.members().me().orElseThrow().info().asJsonObject().getString("name"));

        List<Member> joined = new CopyOnWriteArrayList<>();
        List<Member> left = new CopyOnWriteArrayList<>();
        room.onMemberAdded(joined::add);
        room.onMemberRemoved(left::add);
        EventRecorder addedEvents = new EventRecorder();
        room.bind(EventNames.MEMBER_ADDED, addedEvents);

        Pusher bob = user("bob", null);
        PresenceChannel bobsRoom = join(bob, "presence-room");
        addedEvents.await(1, WAIT);
        assertEquals(List.of("bob"), joined.stream().map(Member::id).toList());
        assertEquals(2, room.members().count());
        assertEquals(
                "BOB",
                room.members().get("bob").orElseThrow().info().asJsonObject().getString("name"));
        assertEquals(2, bobsRoom.members().count());
        assertEquals(
                List.of("ada", "bob"),
                bobsRoom.members().all().stream().map(Member::id).toList());
        PusherEvent added = addedEvents.events().get(0);
        assertEquals("bob", added.json().asJsonObject().getString("id"));

        // A second connection of the same user is not a new member.
        Pusher bobAgain = user("bob", null);
        join(bobAgain, "presence-room");
        assertEquals(List.of("ada", "bob"), server.presenceUserIds("presence-room"));
        EventRecorder removedEvents = new EventRecorder();
        room.bind(EventNames.MEMBER_REMOVED, removedEvents);
        bobAgain.close();
        bob.unsubscribe("presence-room");
        removedEvents.await(1, WAIT);
        assertEquals(List.of("bob"), left.stream().map(Member::id).toList());
        assertEquals(1, room.members().count());
        assertEquals(List.of("bob"), joined.stream().map(Member::id).toList(), "bob's second connection added nobody");
    }

    @Test
    void clientEventsOnPresenceChannelsCarryTheSendersUserId() {
        PresenceChannel adaRoom = join(user("ada", null), "presence-chat");
        PresenceChannel bobRoom = join(user("bob", null), "presence-chat");
        EventRecorder atBob = new EventRecorder();
        bobRoom.bind("client-wave", atBob);
        server.awaitSubscriberCount("presence-chat", 2, WAIT);
        assertEquals(
                TriggerResult.SENT,
                adaRoom.trigger(
                        "client-wave", Json.createObjectBuilder().add("hi", 1).build()));
        PusherEvent wave = atBob.await(1, WAIT).get(0);
        assertEquals("ada", wave.userId().orElseThrow());
        assertEquals(1, wave.json().asJsonObject().getInt("hi"));
    }

    @Test
    void membersAreClearedWhenTheConnectionDropsAndRebuiltAfterReconnect() {
        VirtualScheduler time = new VirtualScheduler();
        Pusher ada = user("ada", time);
        ConnectionRecorder rec = ConnectionRecorder.attach(ada.connection());
        PresenceChannel room = join(ada, "presence-room");
        EventRecorder ok = new EventRecorder();
        room.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        assertEquals(1, room.members().count());
        server.awaitConnection(1, WAIT).drop();
        rec.awaitState(ConnectionState.CONNECTING, 2, WAIT);
        assertEquals(0, room.members().count());
        assertTrue(room.members().me().isEmpty());
        time.advanceBy(1_200); // the reconnect after a drop: about a second, ± 20 % jitter
        ok.await(1, WAIT);
        assertEquals("ada", room.members().me().orElseThrow().id());
        assertEquals(2, server.awaitAuthRequests(2, WAIT).size(), "presence is authorized again");
    }
}
