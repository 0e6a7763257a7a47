package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.EventNames;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.AuthFault;
import io.pusherj.server.ReceivedAuthRequest;
import io.pusherj.testkit.EventRecorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Channels docs' {@code authTransport: 'jsonp'} against the testkit's endpoint, over 127.0.0.1. */
class JsonpAuthTest extends ServerTest {

    Pusher jsonpClient() {
        return client(o -> o.authEndpoint(server.authEndpoint().toString())
                .authTransport("jsonp")
                .authParam("user_id", "ada")
                .authHeader("X-Ignored", "jsonp cannot send it"));
    }

    @Test
    void presenceOverJsonpGetsACallbackRequestAndSubscribes() {
        Pusher p = jsonpClient();
        PresenceChannel room = p.subscribePresence("presence-room");
        EventRecorder ok = new EventRecorder();
        room.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        p.connect();
        ok.await(1, WAIT);
        assertEquals("ada", room.members().me().orElseThrow().id());

        ReceivedAuthRequest r = server.awaitAuthRequests(1, WAIT).get(0);
        assertEquals("GET", r.method());
        assertTrue(
                r.params().get("callback").matches("pusherAuthCallback\\d+"),
                r.params().toString());
        assertEquals(
                List.of("callback", "socket_id", "channel_name", "user_id"),
                List.copyOf(r.params().keySet()));
        assertEquals(p.connection().socketId().orElseThrow(), r.params().get("socket_id"));
        assertFalse(r.headers().containsKey("x-ignored"), "JSONP sends no custom headers");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "403                    | 403 | application/json        | {\"error\":\"no\"}   | HTTP 403",
                "no callback call       | 200 | application/javascript  | {\"auth\":\"k:s\"}   | does not call",
                "not JSON in the call   | 200 | application/javascript  | CALLBACK(alert(1));  | not a JSON object"
            })
    void jsonpFailuresAreSubscriptionErrors(String label, int status, String type, String body, String expected) {
        server.faults().authFault("private-orders", new AuthFault(status, type, body, Duration.ZERO));
        Pusher p = jsonpClient();
        EventRecorder errors = new EventRecorder();
        p.subscribePrivate("private-orders").bind(EventNames.SUBSCRIPTION_ERROR, errors);
        p.connect();
        PusherEvent e = errors.await(1, WAIT).get(0);
        String message = e.json().asJsonObject().getString("error");
        assertTrue(message.contains(expected), message);
        assertEquals(status, e.json().asJsonObject().getInt("status"));
    }
}
