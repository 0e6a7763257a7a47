package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Channel;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server that sends what a client does not expect: events for channels it never subscribed to, events
 * nobody knows, a second {@code subscription_succeeded}, a frame bigger than the socket accepts. The
 * client stays up (or comes back), loses nothing it should deliver and delivers nothing it should not.
 */
class UnexpectedServerInputTest extends ServerTest {
    private Pusher pusher;
    private ConnectionRecorder rec;
    private EventRecorder stories;
    private EventRecorder succeeded;
    private EventRecorder global;

    private ServerConnection connectSubscribedToNews() {
        pusher = client(o -> o);
        rec = ConnectionRecorder.attach(pusher.connection());
        Channel news = pusher.subscribe("news");
        stories = new EventRecorder();
        succeeded = new EventRecorder();
        global = new EventRecorder();
        news.bind("story", stories);
        news.bind(EventNames.SUBSCRIPTION_SUCCEEDED, succeeded);
        pusher.bindGlobal(global);
        pusher.connect();
        succeeded.await(1, WAIT);
        return server.awaitConnection(1, WAIT);
    }

    @Test
    void eventsForChannelsNotSubscribedAndUnknownEventsReachOnlyGlobalListeners() {
        ServerConnection conn = connectSubscribedToNews();
        conn.sendRaw("{\"event\":\"story\",\"channel\":\"sport\",\"data\":\"not for us\"}");
        conn.sendRaw("{\"event\":\"something-new\",\"data\":\"{\\\"v\\\":2}\"}");
        server.publish("news", "story", "after");

        assertEquals("after", stories.await(1, WAIT).get(0).data());
        global.await(e -> e.data().equals("after"), 1, WAIT);
        List<PusherEvent> all = global.events();
        List<String> seen = all.stream()
                .map(e -> e.eventName() + "@" + e.channelName().orElse("-"))
                .toList();
        int sport = seen.indexOf("story@sport");
        int unknown = seen.indexOf("something-new@-");
        assertTrue(sport >= 0 && unknown > sport && seen.indexOf("story@news") > unknown, seen.toString());
        assertEquals(1, stories.events().size(), "the channel's listener saw only its own channel's event");
        assertTrue(rec.errors().isEmpty(), rec.errors().toString());
        assertEquals(List.of(CONNECTING, CONNECTED), rec.states());
    }

    @Test
    void aSecondSubscriptionSucceededIsDeliveredAgainAsPusherJsDoesAndTheChannelKeepsWorking() {
        ServerConnection conn = connectSubscribedToNews();
        conn.sendRaw("{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"news\",\"data\":\"{}\"}");
        succeeded.await(2, WAIT);
        assertTrue(pusher.channel("news").orElseThrow().isSubscribed());
        server.publish("news", "story", "after");
        assertEquals("after", stories.await(1, WAIT).get(0).data());
        assertTrue(rec.errors().isEmpty(), rec.errors().toString());
    }

    @Test
    void aFrameBiggerThanTheSocketAcceptsDropsTheConnectionAndTheClientComesBackSubscribed() {
        ServerConnection conn = connectSubscribedToNews();
        conn.sendRaw("{\"event\":\"story\",\"channel\":\"news\",\"data\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}");
        rec.awaitState(CONNECTING, 2, WAIT);
        rec.awaitState(CONNECTED, 2, WAIT);
        succeeded.await(2, WAIT);
        server.awaitSubscriberCount("news", 1, WAIT);
        server.publish("news", "story", "after");
        assertEquals("after", stories.await(1, WAIT).get(0).data(), "the oversized event was never delivered");
        var tooBig = rec.awaitError(e -> e.code().orElse(0) == 1009, WAIT);
        assertTrue(
                tooBig.message().contains("over the 4 MiB message limit")
                        && tooBig.message().contains("cache channel"),
                tooBig.message());
    }
}
