package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.AuthError;
import io.pusherj.api.AuthOptions;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.PrivateChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.TriggerResult;
import io.pusherj.server.AuthFault;
import io.pusherj.server.AuthSignatures;
import io.pusherj.server.ReceivedAuthRequest;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Private channels with the ajax auth transport against the testkit's auth endpoint, over 127.0.0.1. */
class PrivateChannelTest extends ServerTest {

    Pusher client() {
        return client(o -> o.authEndpoint(server.authEndpoint().toString()));
    }

    static EventRecorder await(PrivateChannel channel, String event) {
        EventRecorder r = new EventRecorder();
        channel.bind(event, r);
        return r;
    }

    @Test
    void theDocumentedAuthOptionsAuthorizeAPrivateChannel() {
        Pusher p = client(o -> o.authEndpoint(server.authEndpoint().toString())
                .authParam("CSRFToken", "some_csrf_token")
                .authHeader("X-CSRF-Token", "header-token"));
        PrivateChannel orders = p.subscribePrivate("private-orders");
        EventRecorder ok = await(orders, EventNames.SUBSCRIPTION_SUCCEEDED);
        EventRecorder shipped = await(orders, "order-shipped");
        p.connect();
        ok.await(1, WAIT);

        ReceivedAuthRequest auth = server.awaitAuthRequests(1, WAIT).get(0);
        String socketId = p.connection().socketId().orElseThrow();
        assertEquals("POST", auth.method());
        assertEquals(
                Map.of("socket_id", socketId, "channel_name", "private-orders", "CSRFToken", "some_csrf_token"),
                auth.params());
        assertEquals(
                List.of("socket_id", "channel_name", "CSRFToken"),
                List.copyOf(auth.params().keySet()),
                "pusher-js order");
        assertEquals("header-token", auth.headers().get("x-csrf-token"));
        assertTrue(auth.headers().get("content-type").startsWith("application/x-www-form-urlencoded"));
        String subscribe = server.awaitConnection(1, WAIT).awaitFrameContaining("private-orders", WAIT);
        assertEquals(
                "{\"event\":\"pusher:subscribe\",\"data\":{\"auth\":\""
                        + AuthSignatures.channel("app-key", "app-secret", socketId, "private-orders")
                        + "\",\"channel\":\"private-orders\"}}",
                subscribe);

        server.publish("private-orders", "order-shipped", "{\"id\":17}");
        assertEquals(17, shipped.await(1, WAIT).get(0).json().asJsonObject().getInt("id"));
    }

    @Test
    void everyReconnectAuthorizesAgainWithTheNewSocketIdAndFreshProviderValues() {
        AtomicInteger token = new AtomicInteger();
        AtomicInteger attempt = new AtomicInteger();
        VirtualScheduler time = new VirtualScheduler();
        Pusher p = client(o -> o.scheduler(time)
                .channelAuthorization(AuthOptions.forChannels()
                        .endpoint(server.authEndpoint().toString())
                        .headersProvider(() -> Map.of("Authorization", "Bearer " + token.incrementAndGet()))
                        .paramsProvider(() -> Map.of("attempt", Integer.toString(attempt.incrementAndGet())))
                        .build()));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        PrivateChannel orders = p.subscribePrivate("private-orders");
        EventRecorder ok = await(orders, EventNames.SUBSCRIPTION_SUCCEEDED);
        p.connect();
        ok.await(1, WAIT);
        String first = p.connection().socketId().orElseThrow();
        server.awaitConnection(1, WAIT).drop();
        rec.awaitState(ConnectionState.CONNECTING, 2, WAIT);
        time.advanceBy(1_200); // the reconnect after a drop: about a second, ± 20 % jitter
        ok.await(2, WAIT);

        List<ReceivedAuthRequest> auths = server.awaitAuthRequests(2, WAIT);
        assertEquals(first, auths.get(0).params().get("socket_id"));
        assertEquals(
                p.connection().socketId().orElseThrow(), auths.get(1).params().get("socket_id"));
        assertEquals(
                List.of("Bearer 1", "Bearer 2"),
                auths.stream().map(a -> a.headers().get("authorization")).toList());
        assertEquals(
                List.of("1", "2"),
                auths.stream().map(a -> a.params().get("attempt")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ajax", "jsonp"})
    void anAuthEndpointAnsweringMegabytesIsASubscriptionErrorAndTheClientReadsNoMoreThan64KiB(String transport) {
        String huge = "x".repeat(4 * 1024 * 1024);
        server.faults().authFault("private-orders", AuthFault.body("application/json", "{\"auth\":\"" + huge + "\"}"));
        Pusher p = client(o -> o.authEndpoint(server.authEndpoint().toString()).authTransport(transport));
        PrivateChannel orders = p.subscribePrivate("private-orders");
        EventRecorder errors = await(orders, EventNames.SUBSCRIPTION_ERROR);
        EventRecorder news = new EventRecorder();
        p.subscribe("news").bind("story", news);
        p.connect();

        String error = errors.await(1, WAIT).get(0).json().asJsonObject().getString("error");
        assertTrue(error.contains("more than 65536 bytes"), error);
        server.awaitSubscriberCount("news", 1, WAIT);
        server.publish("news", "story", "still flowing");
        news.await(1, WAIT);
    }

    @Test
    void aHeaderProviderThatWouldInjectAHeaderFailsTheSubscriptionBeforeAnyRequestIsSent() {
        Pusher p = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .endpoint(server.authEndpoint().toString())
                .headersProvider(() -> Map.of("Authorization", "Bearer s3cret\r\nX-Injected: yes"))
                .build()));
        PrivateChannel orders = p.subscribePrivate("private-orders");
        List<AuthError> typed = new CopyOnWriteArrayList<>();
        orders.onSubscriptionError(typed::add);
        EventRecorder errors = await(orders, EventNames.SUBSCRIPTION_ERROR);
        p.connect();

        String error = errors.await(1, WAIT).get(0).json().asJsonObject().getString("error");
        assertTrue(error.contains("Authorization") && error.contains("CR, LF or NUL"), error);
        assertFalse(error.contains("s3cret"), "the header value is never echoed: " + error);
        assertEquals(1, typed.size());
        assertTrue(server.authRequests().isEmpty(), "nothing was sent");
        assertFalse(orders.isSubscribed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "401 refused          | 401 | application/json | {\"error\":\"no\"}          | HTTP 401",
                "403 forbidden        | 403 | application/json | {\"error\":\"forbidden\"}   | HTTP 403",
                "500 server error     | 500 | text/plain       | boom                        | HTTP 500",
                "HTML body            | 200 | text/html        | <html><body>login</body>    | not a JSON object",
                "invalid JSON         | 200 | application/json | {\"auth\":                  | not a JSON object",
                "missing auth field   | 200 | application/json | {\"token\":\"x\"}           | no 'auth' string"
            })
    void authFailuresBecomeSubscriptionErrorsAndTheConnectionStays(
            String label, int status, String type, String body, String expected) {
        server.faults().authFault("private-orders", new AuthFault(status, type, body, Duration.ZERO));
        Pusher p = client();
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        PrivateChannel orders = p.subscribePrivate("private-orders");
        List<AuthError> typed = new CopyOnWriteArrayList<>();
        orders.onSubscriptionError(typed::add);
        EventRecorder errors = await(orders, EventNames.SUBSCRIPTION_ERROR);
        EventRecorder news = new EventRecorder();
        p.subscribe("news").bind("story", news);
        p.connect();

        PusherEvent e = errors.await(1, WAIT).get(0);
        assertEquals("AuthError", e.json().asJsonObject().getString("type"));
        assertEquals(status, e.json().asJsonObject().getInt("status"));
        assertTrue(e.json().asJsonObject().getString("error").contains(expected), e.data());
        assertTrue(
                e.json()
                        .asJsonObject()
                        .getString("error")
                        .contains(server.authEndpoint().toString()),
                e.data());
        assertEquals(status, typed.get(0).status().getAsInt());
        assertFalse(orders.isSubscribed());

        server.awaitSubscriberCount("news", 1, WAIT);
        server.publish("news", "story", "still flowing");
        news.await(1, WAIT);
        assertEquals(List.of(ConnectionState.CONNECTING, CONNECTED), rec.states());
        assertEquals(1, server.authRequests().size(), "no retry loop while connected");
    }

    @Test
    void aFailedChannelIsAuthorizedAgainOnTheNextConnection() {
        server.faults().authFault("private-orders", AuthFault.status(500, "{}"));
        VirtualScheduler time = new VirtualScheduler();
        Pusher p = client(o -> o.authEndpoint(server.authEndpoint().toString()).scheduler(time));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        PrivateChannel orders = p.subscribePrivate("private-orders");
        EventRecorder errors = await(orders, EventNames.SUBSCRIPTION_ERROR);
        EventRecorder ok = await(orders, EventNames.SUBSCRIPTION_SUCCEEDED);
        p.connect();
        errors.await(1, WAIT);
        server.faults().clearAuthFaults();
        server.awaitConnection(1, WAIT).drop();
        rec.awaitState(ConnectionState.CONNECTING, 2, WAIT);
        time.advanceBy(1_200); // the reconnect after a drop: about a second, ± 20 % jitter
        ok.await(1, WAIT);
        assertTrue(orders.isSubscribed());
        assertEquals(2, server.authRequests().size());
    }

    @Test
    void anUnreachableEndpointIsASubscriptionErrorWithoutStatus() {
        Pusher p = client(o -> o.authEndpoint("http://127.0.0.1:1/pusher/auth"));
        PrivateChannel orders = p.subscribePrivate("private-orders");
        EventRecorder errors = await(orders, EventNames.SUBSCRIPTION_ERROR);
        p.connect();
        PusherEvent e = errors.await(1, WAIT).get(0);
        assertTrue(e.json().asJsonObject().getString("error").contains("could not reach"), e.data());
        assertFalse(e.json().asJsonObject().containsKey("status"));
    }

    @Test
    void aBadSignatureIsRefusedByTheServerAndReportedOnTheChannel() {
        Pusher p = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .customHandler((socketId, channel) ->
                        CompletableFuture.completedFuture(ChannelAuthorization.of("app-key:0000")))
                .build()));
        PrivateChannel orders = p.subscribePrivate("private-orders");
        List<AuthError> typed = new CopyOnWriteArrayList<>();
        orders.onSubscriptionError(typed::add);
        EventRecorder errors = await(orders, EventNames.SUBSCRIPTION_ERROR);
        p.connect();
        PusherEvent e = errors.await(1, WAIT).get(0);
        assertEquals(401, e.json().asJsonObject().getInt("status"));
        assertTrue(e.json().asJsonObject().getString("error").startsWith("Invalid signature"), e.data());
        assertEquals(401, typed.get(0).status().getAsInt());
        assertTrue(server.awaitConnection(1, WAIT).isOpen());
    }

    @Test
    void aCustomHandlerAuthorizesAsynchronously() {
        Pusher p = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .customHandler((socketId, channel) -> CompletableFuture.supplyAsync(() -> ChannelAuthorization.of(
                        AuthSignatures.channel(server.appKey(), server.appSecret(), socketId, channel))))
                .build()));
        EventRecorder ok = await(p.subscribePrivate("private-custom"), EventNames.SUBSCRIPTION_SUCCEEDED);
        p.connect();
        ok.await(1, WAIT);
        assertEquals(0, server.authRequests().size(), "no HTTP request with a custom handler");
    }

    @Test
    void clientEventsReachTheOtherSubscribersOnly() {
        Pusher alice = client();
        Pusher bob = client();
        PrivateChannel a = alice.subscribePrivate("private-chat");
        PrivateChannel b = bob.subscribePrivate("private-chat");
        EventRecorder aOk = await(a, EventNames.SUBSCRIPTION_SUCCEEDED);
        EventRecorder bOk = await(b, EventNames.SUBSCRIPTION_SUCCEEDED);
        EventRecorder atAlice = await(a, "client-typing");
        EventRecorder atBob = await(b, "client-typing");
        assertEquals(TriggerResult.NOT_CONNECTED, a.trigger("client-typing", Json.createValue(1)));
        alice.connect();
        bob.connect();
        aOk.await(1, WAIT);
        bOk.await(1, WAIT);

        assertEquals(
                TriggerResult.SENT,
                a.trigger(
                        "client-typing",
                        Json.createObjectBuilder().add("on", true).build()));
        PusherEvent got = atBob.await(1, WAIT).get(0);
        assertTrue(got.json().asJsonObject().getBoolean("on"));
        assertTrue(got.userId().isEmpty(), "user_id only on presence channels");
        b.trigger("client-typing", Json.createObjectBuilder().add("on", false).build());
        atAlice.await(1, WAIT);
        assertEquals(1, atBob.events().size(), "not echoed to the sender");

        assertThrows(IllegalArgumentException.class, () -> a.trigger("typing", Json.createValue(1)));
        server.faults()
                .authFault("private-other", AuthFault.slow(Duration.ofSeconds(30))); // pending for the whole test
        PrivateChannel notYet = alice.subscribePrivate("private-other");
        assertEquals(TriggerResult.NOT_SUBSCRIBED, notYet.trigger("client-x", Json.createValue(1)));
    }

    @Test
    void moreThanTenClientEventsPerSecondAreRefusedWith4301() {
        Pusher alice = client();
        ConnectionRecorder rec = ConnectionRecorder.attach(alice.connection());
        PrivateChannel a = alice.subscribePrivate("private-chat");
        EventRecorder ok = await(a, EventNames.SUBSCRIPTION_SUCCEEDED);
        alice.connect();
        ok.await(1, WAIT);
        for (int i = 0; i < 12; i++) {
            a.trigger("client-burst", Json.createValue(i));
        }
        ConnectionError limited = rec.awaitError(e -> e.code().orElse(0) == 4301, WAIT);
        assertEquals(ConnectionError.Type.PUSHER_ERROR, limited.type());
        assertEquals(CONNECTED, alice.connection().state());
    }

    @Test
    void unknownAuthTransportIsAConfigurationErrorListingWhatWasFound() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Pusher.create(
                        server.appKey(),
                        server.clientOptions()
                                .autoConnect(false)
                                .authEndpoint(server.authEndpoint().toString())
                                .authTransport("carrier-pigeon")
                                .build()));
        assertTrue(e.getMessage().contains("carrier-pigeon") && e.getMessage().contains("ajax"), e.getMessage());
    }

    @Test
    void relativeEndpointsAreRejectedWithAnExplanation() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> PusherOptions.builder().authEndpoint("/pusher/auth"));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void withoutAnyAuthConfigurationTheSubscriptionErrorSaysWhatIsMissing() {
        Pusher p = client(o -> o);
        EventRecorder errors = await(p.subscribePrivate("private-x"), EventNames.SUBSCRIPTION_ERROR);
        p.connect();
        assertTrue(errors.await(1, WAIT)
                .get(0)
                .json()
                .asJsonObject()
                .getString("error")
                .contains("authEndpoint"));
        ServerConnection conn = server.awaitConnection(1, WAIT);
        assertTrue(conn.receivedFrames().stream().noneMatch(f -> f.contains("private-x")));
    }
}
