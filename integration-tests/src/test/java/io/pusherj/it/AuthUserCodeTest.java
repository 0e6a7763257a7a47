package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.AuthError;
import io.pusherj.api.AuthOptions;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.EventNames;
import io.pusherj.api.PrivateChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.UserAuthentication;
import io.pusherj.server.AuthSignatures;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's auth code (custom handlers, params and headers providers) may block: it runs where
 * blocking delays only other auth calls, never the connections and events of any client. And a handler
 * that answers {@code null} fails the subscription or sign-in instead of leaving it pending forever.
 */
class AuthUserCodeTest extends ServerTest {
    /** Released at the end of each test, so no auth thread stays blocked. */
    final CountDownLatch backend = new CountDownLatch(1);

    @AfterEach
    void releaseTheBackend() {
        backend.countDown();
    }

    /** Counted down by every call that reaches the blocked backend. */
    final CountDownLatch blockedCalls = new CountDownLatch(2);

    /** The natural Java handler: call the backend synchronously, return a completed future. */
    private ChannelAuthorization blockingBackendCall(String socketId, String channel) {
        blockedCalls.countDown();
        try {
            backend.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ChannelAuthorization.of(AuthSignatures.channel(server.appKey(), server.appSecret(), socketId, channel));
    }

    @Test
    void blockingCustomHandlersDoNotStallOtherClientsOrTheirOwnClient() {
        Pusher blocked = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .customHandler((socketId, channel) ->
                        CompletableFuture.completedFuture(blockingBackendCall(socketId, channel)))
                .build()));
        List<EventRecorder> privates = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // more blocked handler calls than the strand pool has threads
            EventRecorder ok = new EventRecorder();
            blocked.subscribePrivate("private-slow-" + i, ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
            privates.add(ok);
        }
        EventRecorder ownNews = new EventRecorder();
        blocked.subscribe("news", ch -> ch.bind("story", ownNews));
        blocked.connect();
        server.awaitSubscriberCount("news", 1, WAIT);

        // A second client connects and subscribes while every handler call of the first one blocks.
        Pusher other = client(o -> o);
        EventRecorder otherNews = new EventRecorder();
        other.subscribe("news", ch -> ch.bind("story", otherNews));
        ConnectionRecorder otherStates = ConnectionRecorder.attach(other.connection());
        other.connect();
        otherStates.awaitState(CONNECTED, WAIT);
        server.awaitSubscriberCount("news", 2, WAIT);
        server.publish("news", "story", "{}");
        otherNews.await(1, WAIT);
        ownNews.await(1, WAIT);
        assertTrue(privates.stream().allMatch(r -> r.events().isEmpty()), "the handlers are still blocked");

        backend.countDown();
        privates.forEach(r -> r.await(1, WAIT));
    }

    /** A client whose backend hangs holds a few of the shared auth threads (4), not all of them. */
    @Test
    void oneClientsHungBackendDoesNotStarveTheAuthOfOthers() {
        Pusher hung = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .customHandler((socketId, channel) ->
                        CompletableFuture.completedFuture(blockingBackendCall(socketId, channel)))
                .build()));
        for (int i = 0; i < 20; i++) { // more hung calls than the shared pool has threads
            hung.subscribePrivate("private-hung-" + i);
        }
        hung.connect();
        try {
            // Its calls are all handed to the auth pool in one go when it connects; 4 block, or all of them.
            assertTrue(blockedCalls.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        Pusher other = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .customHandler((socketId, channel) -> CompletableFuture.completedFuture(ChannelAuthorization.of(
                        AuthSignatures.channel(server.appKey(), server.appSecret(), socketId, channel))))
                .build()));
        EventRecorder ok = new EventRecorder();
        other.subscribePrivate("private-fine", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        other.connect();
        ok.await(1, WAIT);
    }

    @Test
    void aBlockingHeadersProviderDoesNotStallItsClient() {
        CountDownLatch providerCalled = new CountDownLatch(1);
        Pusher p = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .endpoint(server.authEndpoint().toString())
                .headersProvider(() -> {
                    providerCalled.countDown();
                    blockingBackendCall("", "");
                    return Map.of("Authorization", "Bearer fresh");
                })
                .build()));
        EventRecorder ok = new EventRecorder();
        p.subscribePrivate("private-orders", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        EventRecorder news = new EventRecorder();
        p.subscribe("news", ch -> ch.bind("story", news));
        p.connect();
        server.awaitSubscriberCount("news", 1, WAIT);
        server.publish("news", "story", "1");
        server.publish("news", "story", "2");
        assertEquals(2, news.await(2, WAIT).size(), "events arrive while the provider blocks");
        try {
            assertTrue(providerCalled.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the provider was called");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertTrue(ok.events().isEmpty(), "the subscription waits for the blocked provider");

        backend.countDown();
        ok.await(1, WAIT);
        assertEquals("Bearer fresh", server.authRequests().get(0).headers().get("authorization"));
    }

    @Test
    void aCustomHandlerCompletingWithNullFailsTheSubscription() {
        Pusher p = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .customHandler((socketId, channel) -> CompletableFuture.completedFuture(null))
                .build()));
        List<AuthError> typed = new CopyOnWriteArrayList<>();
        EventRecorder failed = new EventRecorder();
        PrivateChannel ch = p.subscribePrivate("private-refused", c -> {
            c.onSubscriptionError(typed::add);
            c.bind(EventNames.SUBSCRIPTION_ERROR, failed);
        });
        p.connect();
        failed.await(1, WAIT);
        assertTrue(
                typed.get(0).message().contains("completed with null"),
                typed.get(0).message());
        assertFalse(ch.isSubscribed());
    }

    @Test
    void aCustomHandlerReturningNullFailsTheSubscription() {
        Pusher p = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .customHandler((socketId, channel) -> null)
                .build()));
        EventRecorder failed = new EventRecorder();
        p.subscribePrivate("private-refused", c -> c.bind(EventNames.SUBSCRIPTION_ERROR, failed));
        p.connect();
        assertTrue(failed.await(1, WAIT)
                .get(0)
                .json()
                .asJsonObject()
                .getString("error")
                .contains("returned null"));
    }

    @Test
    void aUserAuthenticatorCompletingWithNullFailsTheSignin() {
        Pusher p = client(o -> o.userAuthentication(AuthOptions.forUsers()
                .customHandler(socketId -> CompletableFuture.<UserAuthentication>completedFuture(null))
                .build()));
        List<AuthError> errors = new CopyOnWriteArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        p.user().onSigninError(e -> {
            errors.add(e);
            failed.countDown();
        });
        p.signin();
        p.connect();
        try {
            assertTrue(failed.await(WAIT.toSeconds(), TimeUnit.SECONDS), "sign-in error reported");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertTrue(
                errors.get(0).message().contains("completed with null"),
                errors.get(0).message());
    }
}
