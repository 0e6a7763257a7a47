package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.AuthError;
import io.pusherj.api.AuthOptions;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.AuthFault;
import io.pusherj.server.AuthSignatures;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** User sign-in, events sent to a user, watchlists, and presence for a signed-in user (docs/protocol.md §8.6-8.7). */
class SigninTest extends ServerTest {

    Pusher user(String id, String watchlist, VirtualScheduler time) {
        var users = AuthOptions.forUsers()
                .endpoint(server.userAuthEndpoint().toString())
                .param("user_id", id);
        if (watchlist != null) {
            users.param("watchlist", watchlist);
        }
        var options = server.clientOptions()
                .autoConnect(false)
                .userAuthentication(users.build())
                .authEndpoint(server.authEndpoint().toString());
        if (time != null) {
            options.scheduler(time);
        }
        return track(Pusher.create(server.appKey(), options.build()));
    }

    static String take(LinkedBlockingQueue<String> q) throws InterruptedException {
        String v = q.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (v == null) {
            throw new AssertionError("nothing arrived within " + WAIT);
        }
        return v;
    }

    @Test
    void signinThenEventsSentToTheUser() throws Exception {
        Pusher ada = user("ada", null, null);
        LinkedBlockingQueue<String> signins = new LinkedBlockingQueue<>();
        ada.user().onSignin(signins::add);
        EventRecorder notes = new EventRecorder();
        ada.user().bind("note", notes);
        ada.signin();
        ada.signin(); // idempotent
        ada.connect();
        assertEquals("ada", take(signins));
        assertEquals("ada", ada.user().id().orElseThrow());
        String signin = server.awaitConnection(1, WAIT).awaitFrameContaining("pusher:signin", WAIT);
        assertTrue(signin.contains("\"user_data\":\"{\\\"id\\\":\\\"ada\\\""), signin);
        server.awaitSubscriberCount("#server-to-user-ada", 1, WAIT);

        assertEquals(1, server.sendToUser("ada", "note", "{\"text\":\"hi\"}"));
        PusherEvent note = notes.await(1, WAIT).get(0);
        assertEquals("hi", note.json().asJsonObject().getString("text"));
        assertEquals(1, server.awaitAuthRequests(1, WAIT).size());
        assertEquals(
                List.of("socket_id", "user_id"),
                List.copyOf(server.authRequests().get(0).params().keySet()),
                "user authentication sends no channel_name");
    }

    @Test
    void watchlistEventsFollowOtherUsersComingAndGoing() {
        Pusher ada = user("ada", "bob,carol", null);
        EventRecorder online = new EventRecorder();
        EventRecorder offline = new EventRecorder();
        ada.user().bindWatchlist("online", online);
        ada.user().bindWatchlist("offline", offline);
        ada.signin();
        ada.connect();
        server.awaitSubscriberCount("#server-to-user-ada", 1, WAIT);

        Pusher bob = user("bob", null, null);
        bob.signin();
        bob.connect();
        PusherEvent bobOnline = online.await(1, WAIT).get(0);
        assertEquals("online", bobOnline.eventName());
        assertEquals(
                "bob", bobOnline.json().asJsonObject().getJsonArray("user_ids").getString(0));
        bob.close();
        PusherEvent bobOffline = offline.await(1, WAIT).get(0);
        assertEquals(
                "bob", bobOffline.json().asJsonObject().getJsonArray("user_ids").getString(0));
    }

    @Test
    void signinIsRepeatedAfterEveryReconnect() throws Exception {
        VirtualScheduler time = new VirtualScheduler();
        Pusher ada = user("ada", null, time);
        ConnectionRecorder rec = ConnectionRecorder.attach(ada.connection());
        LinkedBlockingQueue<String> signins = new LinkedBlockingQueue<>();
        ada.user().onSignin(signins::add);
        ada.signin();
        ada.connect();
        take(signins);
        server.awaitConnection(1, WAIT).drop();
        rec.awaitState(ConnectionState.CONNECTING, 2, WAIT);
        assertTrue(ada.user().id().isEmpty(), "signed out with the connection");
        time.advanceBy(1_200); // the reconnect after a drop: about a second, ± 20 % jitter
        assertEquals("ada", take(signins));
        assertEquals(2, server.awaitAuthRequests(2, WAIT).size());
        server.awaitSubscriberCount("#server-to-user-ada", 1, WAIT);
    }

    @Test
    void aRefusedSigninIsReportedWithItsStatus() throws Exception {
        server.faults().authFault("/pusher/user-auth", AuthFault.status(403, "{\"error\":\"banned\"}"));
        Pusher ada = user("ada", null, null);
        LinkedBlockingQueue<AuthError> errors = new LinkedBlockingQueue<>();
        ada.user().onSigninError(errors::add);
        ada.signin();
        ada.connect();
        AuthError e = errors.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(403, e.status().getAsInt());
        assertTrue(e.message().contains("HTTP 403"), e.message());
        assertTrue(ada.user().id().isEmpty());
    }

    @Test
    void presenceWithoutChannelDataUsesTheSignedInUser() throws Exception {
        var users = AuthOptions.forUsers()
                .endpoint(server.userAuthEndpoint().toString())
                .param("user_id", "ada")
                .build();
        // An app server that authorizes presence like a private channel, relying on the signed-in identity.
        var channels = AuthOptions.forChannels()
                .customHandler((socketId, channel) -> CompletableFuture.completedFuture(ChannelAuthorization.of(
                        AuthSignatures.channel(server.appKey(), server.appSecret(), socketId, channel))))
                .build();
        Pusher ada = client(o -> o.userAuthentication(users).channelAuthorization(channels));
        LinkedBlockingQueue<String> signins = new LinkedBlockingQueue<>();
        ada.user().onSignin(signins::add);
        ada.signin();
        ada.connect();
        take(signins);
        EventRecorder ok = new EventRecorder();
        PresenceChannel room =
                ada.subscribePresence("presence-room", r -> r.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        ok.await(1, WAIT);
        assertEquals("ada", room.members().me().orElseThrow().id());
        assertEquals(List.of("ada"), server.presenceUserIds("presence-room"));
    }

    /** A client whose presence auth carries no channel_data: the server takes the signed-in identity. */
    Pusher signedInPresenceUser(String id) {
        var users = AuthOptions.forUsers()
                .endpoint(server.userAuthEndpoint().toString())
                .param("user_id", id)
                .build();
        return client(o -> o.userAuthentication(users)
                .authEndpoint(server.authEndpoint().toString())
                .authParam(PusherTestServer.OMIT_CHANNEL_DATA, "true"));
    }

    @Test
    void presenceWithoutChannelDataWaitsForTheSigninOnTheFirstConnectAndAfterEveryReconnect() {
        // Sign-in takes its auth request plus a round trip on the socket; a slower user endpoint makes the
        // presence authorization finish first every time, as it mostly does against real servers.
        server.faults().authFault("/pusher/user-auth", AuthFault.slow(Duration.ofMillis(300)));
        Pusher ada = signedInPresenceUser("ada");
        EventRecorder ok = new EventRecorder();
        List<AuthError> errors = new CopyOnWriteArrayList<>();
        ada.signin(); // the pusher-js 8 pattern: sign in and subscribe before connecting
        PresenceChannel room = ada.subscribePresence("presence-room", r -> {
            r.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
            r.onSubscriptionError(errors::add);
        });
        ada.connect();
        ok.await(1, WAIT);
        assertEquals("ada", room.members().me().orElseThrow().id());

        server.awaitConnection(1, WAIT).close(4200, "reconnect now");
        ok.await(2, WAIT);
        assertEquals("ada", room.members().me().orElseThrow().id());
        assertEquals(List.of(), errors);
        assertEquals(List.of("ada"), server.presenceUserIds("presence-room"));
    }

    @Test
    void presenceWithoutChannelDataFailsClearlyWhenTheSigninFails() {
        server.faults().authFault("/pusher/user-auth", AuthFault.status(403, "{\"error\":\"no\"}"));
        Pusher ada = signedInPresenceUser("ada");
        List<AuthError> errors = new CopyOnWriteArrayList<>();
        EventRecorder failed = new EventRecorder();
        EventRecorder signinErrors = new EventRecorder();
        ada.user().bind(EventNames.SIGNIN_ERROR, signinErrors);
        ada.signin();
        ada.subscribePresence("presence-room", r -> {
            r.bind(EventNames.SUBSCRIPTION_ERROR, failed);
            r.onSubscriptionError(errors::add);
        });
        ada.connect();
        failed.await(1, WAIT);
        assertTrue(
                errors.get(0).message().contains("not signed in"), errors.get(0).message());
        PusherEvent signinError = signinErrors.await(1, WAIT).get(0);
        assertEquals("AuthError", signinError.json().asJsonObject().getString("type"));
        assertEquals(403, signinError.json().asJsonObject().getInt("status"));
    }

    @Test
    void signinAfterAFailedAttemptTriesAgainOnTheSameConnection() throws Exception {
        server.faults().authFault("/pusher/user-auth", AuthFault.status(500, "{}"));
        Pusher ada = user("ada", null, null);
        LinkedBlockingQueue<String> signins = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> failures = new LinkedBlockingQueue<>();
        ada.user().onSignin(signins::add);
        ada.user().onSigninError(e -> failures.add(e.message()));
        ada.signin();
        ada.connect();
        take(failures);
        server.faults().clearAuthFaults();
        ada.signin();
        assertEquals("ada", take(signins));
        assertEquals(1, server.connections().size(), "the same connection");
    }

    @Test
    void aServerThatIgnoresPusherSigninFailsTheSigninAfterTheUserAuthTimeout() throws Exception {
        VirtualScheduler time = new VirtualScheduler();
        var users = AuthOptions.forUsers()
                .endpoint(server.userAuthEndpoint().toString())
                .param("user_id", "ada")
                .build();
        Pusher ada = client(o -> o.userAuthentication(users).scheduler(time));
        ConnectionRecorder states = ConnectionRecorder.attach(ada.connection());
        LinkedBlockingQueue<String> failures = new LinkedBlockingQueue<>();
        ada.user().onSigninError(e -> failures.add(e.message()));
        ada.connect();
        time.runUntilIdle();
        states.awaitState(ConnectionState.CONNECTED, WAIT);
        var conn = server.awaitConnection(1, WAIT);
        conn.goSilent(); // like Reverb or laravel-websockets, which do not implement pusher:signin
        ada.signin();
        conn.awaitFrameContaining("pusher:signin", WAIT);
        time.awaitTaskAt(10_000, WAIT);
        time.advanceBy(10_000);
        assertTrue(take(failures).contains("did not answer pusher:signin within 10000 ms"));
    }

    @Test
    void presenceWithoutChannelDataAndWithoutSigninFails() {
        var channels = AuthOptions.forChannels()
                .customHandler((socketId, channel) -> CompletableFuture.completedFuture(ChannelAuthorization.of(
                        AuthSignatures.channel(server.appKey(), server.appSecret(), socketId, channel))))
                .build();
        Pusher p = client(o -> o.channelAuthorization(channels));
        List<AuthError> errors = new CopyOnWriteArrayList<>();
        PresenceChannel room = p.subscribePresence("presence-room");
        room.onSubscriptionError(errors::add);
        EventRecorder failed = new EventRecorder();
        room.bind(EventNames.SUBSCRIPTION_ERROR, failed);
        p.connect();
        failed.await(1, WAIT);
        assertTrue(
                errors.get(0).message().contains("not signed in"), errors.get(0).message());
    }
}
