package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.EventNames;
import io.pusherj.api.PrivateChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.TriggerResult;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import jakarta.json.Json;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client connected over each HTTP transport publishes client events (its sends: {@code xhr_send}, or
 * SockJS's own), and a client on WebSocket receives them all, in order, over 127.0.0.1.
 */
class HttpTransportPublishTest extends ServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling", "sockjs"})
    void clientEventsSentOverTheTransportArriveInOrder(String transport) {
        String auth = server.authEndpoint().toString();
        Pusher receiver = client(o -> o.authEndpoint(auth));
        EventRecorder received = new EventRecorder();
        receiver.subscribePrivate("private-chat", c -> c.bind("client-line", received));
        receiver.connect();

        Pusher sender = client(o -> o.enabledTransports(transport).authEndpoint(auth));
        ConnectionRecorder rec = ConnectionRecorder.attach(sender.connection());
        EventRecorder subscribed = new EventRecorder();
        PrivateChannel chat =
                sender.subscribePrivate("private-chat", c -> c.bind(EventNames.SUBSCRIPTION_SUCCEEDED, subscribed));
        sender.connect();
        rec.awaitState(CONNECTED, WAIT);
        assertEquals(transport, sender.connection().transport().orElseThrow());
        subscribed.await(1, WAIT);
        server.awaitSubscriberCount("private-chat", 2, WAIT);

        int n = 8; // under the server's 10 client events per second
        for (int i = 0; i < n; i++) {
            assertEquals(
                    TriggerResult.SENT,
                    chat.trigger(
                            "client-line",
                            Json.createObjectBuilder().add("n", i).build()));
        }
        List<PusherEvent> got = received.await(n, WAIT);
        assertEquals(
                IntStream.range(0, n).boxed().toList(),
                got.stream().map(e -> e.json().asJsonObject().getInt("n")).toList());
    }
}
