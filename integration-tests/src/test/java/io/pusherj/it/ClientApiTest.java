package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.EncryptedChannel;
import io.pusherj.api.EventNames;
import io.pusherj.api.Member;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.testkit.EventRecorder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a Java user expects of the API beyond pusher-js's names: unbinding by name, client-level bind, no nulls. */
class ClientApiTest extends ServerTest {

    private Channel subscribed(Pusher p, String name, EventRecorder... listeners) {
        EventRecorder ok = new EventRecorder();
        Channel ch = p.subscribe(name, c -> {
            c.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
            for (EventRecorder l : listeners) {
                c.bind("story", l);
            }
        });
        p.connect();
        ok.await(1, WAIT);
        return ch;
    }

    @Test
    void unbindByNameRemovesEveryListenerOfThatEventOnly() {
        Pusher p = client(o -> o);
        EventRecorder a = new EventRecorder();
        EventRecorder b = new EventRecorder();
        EventRecorder other = new EventRecorder();
        Channel news = subscribed(p, "news", a, b);
        news.bind("other", other);
        news.unbind("story");
        server.publish("news", "story", "1");
        server.publish("news", "other", "2");
        other.await(1, WAIT);
        assertEquals(List.of(), a.events());
        assertEquals(List.of(), b.events());
    }

    @Test
    void aClientLevelBindGetsThatEventFromEveryChannelAndTheLegacyConnectionEvents() {
        Pusher p = client(o -> o);
        EventRecorder stories = new EventRecorder();
        EventRecorder established = new EventRecorder();
        p.bind("story", stories);
        p.bind(EventNames.CONNECTION_ESTABLISHED, established);
        subscribed(p, "news");
        established.await(1, WAIT);
        p.subscribe("sport");
        server.awaitSubscriberCount("sport", 1, WAIT);
        server.publish("news", "story", "1");
        server.publish("sport", "story", "2");
        server.publish("news", "other", "3");
        assertEquals(
                List.of("news", "sport"),
                stories.await(2, WAIT).stream()
                        .map(e -> e.channelName().orElseThrow())
                        .toList());
        p.unbind("story");
        EventRecorder all = new EventRecorder();
        p.bindGlobal(all);
        server.publish("news", "story", "4");
        all.await(e -> e.data().equals("4"), 1, WAIT);
        assertEquals(2, stories.events().size(), "unbound");
        p.unbindAll();
        EventRecorder after = new EventRecorder();
        p.channel("news").orElseThrow().bind("story", after);
        server.publish("news", "story", "5");
        after.await(1, WAIT);
        assertTrue(all.events().stream().noneMatch(e -> e.data().equals("5")), "unbindAll removed the global listener");
    }

    @Test
    void unbindAllOfAPresenceChannelRemovesItsMemberListenersToo() {
        Pusher p = client(o -> o.authEndpoint(server.authEndpoint().toString()).authParam("user_id", "ada"));
        List<Member> added = new CopyOnWriteArrayList<>();
        EventRecorder ok = new EventRecorder();
        PresenceChannel room = p.subscribePresence("presence-room", r -> {
            r.onMemberAdded(added::add);
            r.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        });
        p.connect();
        ok.await(1, WAIT);
        room.unbindAll();
        EventRecorder marker = new EventRecorder();
        room.bind(EventNames.MEMBER_ADDED, marker);
        Pusher bob =
                client(o -> o.authEndpoint(server.authEndpoint().toString()).authParam("user_id", "bob"));
        bob.subscribePresence("presence-room");
        bob.connect();
        marker.await(1, WAIT);
        assertEquals(List.of(), added);
    }

    @Test
    void nullIsRefusedAtTheCallNotLaterOnTheClientsThread() {
        Pusher p = client(o -> o);
        Channel news = p.subscribe("news");
        assertThrows(NullPointerException.class, () -> p.unsubscribe(null));
        assertThrows(NullPointerException.class, () -> p.channel(null));
        assertThrows(NullPointerException.class, () -> p.bind(null, e -> {}));
        assertThrows(NullPointerException.class, () -> p.bind("x", null));
        assertThrows(NullPointerException.class, () -> news.unbind("story", null));
        assertThrows(NullPointerException.class, () -> news.unbind(null));
        assertThrows(NullPointerException.class, () -> news.bind("story", null));
    }

    @Test
    void aClosedClientStaysClosed() {
        Pusher p = client(o -> o);
        p.close();
        assertThrows(IllegalStateException.class, p::connect);
        assertThrows(IllegalStateException.class, () -> p.subscribe("news"));
        assertThrows(IllegalStateException.class, p::signin);
        p.disconnect(); // harmless
        p.unsubscribe("news"); // harmless
        assertEquals(ConnectionState.DISCONNECTED, p.connection().state());
    }

    @Test
    void eventsOfPrivateChannelsCarryNoUserIdEvenIfTheServerSendsOne() {
        Pusher p = client(o -> o.authEndpoint(server.authEndpoint().toString()));
        EventRecorder events = new EventRecorder();
        EventRecorder ok = new EventRecorder();
        p.subscribePrivate("private-chat", c -> {
            c.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
            c.bind("client-typing", events);
        });
        p.connect();
        ok.await(1, WAIT);
        server.awaitConnection(1, WAIT)
                .sendRaw(
                        "{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":\"{}\",\"user_id\":\"bob\"}");
        PusherEvent e = events.await(1, WAIT).get(0);
        assertTrue(e.userId().isEmpty(), "pusher-js passes user_id only on presence channels");
    }

    @Test
    void theConnectedChangeCarriesItsSocketIdAndChannelsCanBeLookedUpByKind() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            Pusher p = client(o ->
                    o.callbackExecutor(ui).authEndpoint(server.authEndpoint().toString()));
            CompletableFuture<ConnectionStateChange> connected = new CompletableFuture<>();
            p.connection().onState(ConnectionState.CONNECTED, connected::complete);
            p.subscribePresence("presence-room");
            p.connect();
            var change = connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(
                    server.awaitConnection(1, WAIT).socketId(),
                    change.socketId().orElseThrow());
            assertTrue(p.channel("presence-room", PresenceChannel.class).isPresent());
            assertTrue(p.channel("presence-room", EncryptedChannel.class).isEmpty());
            assertTrue(p.channel("news", Channel.class).isEmpty());
        } finally {
            ui.shutdownNow();
        }
    }
}
