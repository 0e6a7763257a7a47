package io.pusherj.core;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.Channel;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherException;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportProvider;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pending-subscription rules of docs/protocol.md §6.3 (pusher-js {@code channels.ts}/{@code pusher.ts}),
 * with a scripted socket so the test decides when {@code subscription_succeeded} arrives.
 */
class ChannelSubscriptionTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    final FakeTransport ws = new FakeTransport("ws", 3);
    final VirtualScheduler time = new VirtualScheduler();
    Pusher pusher;
    ConnectionRecorder rec;
    FakeTransport.FakeSocket socket;

    TransportProvider provider() {
        return new TransportProvider() {
            @Override
            public Set<String> transportNames() {
                return Set.of("ws");
            }

            @Override
            public Transport create(TransportContext context) {
                return ws;
            }
        };
    }

    @BeforeEach
    void connect() throws Exception {
        pusher = Pusher.create(
                "key",
                PusherOptions.builder()
                        .autoConnect(false)
                        .scheduler(time)
                        .addTransportProvider(provider())
                        .enabledTransports("ws")
                        .build());
        rec = ConnectionRecorder.attach(pusher.connection());
        pusher.connect();
        socket = ws.awaitSocket(1, WAIT);
        socket.establish("1.1", 120);
        rec.awaitState(CONNECTED, WAIT);
    }

    @AfterEach
    void close() {
        pusher.close();
    }

    static String succeeded(String channel) {
        return "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"" + channel + "\",\"data\":\"{}\"}";
    }

    /** Everything the strand had queued before this marker event has been delivered once it arrives. */
    void flushWith(String marker) throws Exception {
        EventRecorder m = new EventRecorder();
        pusher.subscribe(marker).bind("marker", m);
        socket.awaitSent("\"" + marker + "\"", WAIT);
        socket.receive("{\"event\":\"marker\",\"channel\":\"" + marker + "\",\"data\":\"{}\"}");
        m.await(1, WAIT);
    }

    @Test
    void enablingOnlyAnAbsentTransportFailsAndNamesTheArtifactToAdd() throws Exception {
        TransportProvider wsOnly = new TransportProvider() {
            @Override
            public Set<String> transportNames() {
                return Set.of("ws");
            }

            @Override
            public Transport create(TransportContext context) {
                return new FakeTransport("ws", 3);
            }
        };
        try (Pusher p = Pusher.create(
                "key",
                PusherOptions.builder()
                        .autoConnect(false)
                        .addTransportProvider(wsOnly)
                        .enabledTransports("xhr_polling")
                        .build())) {
            ConnectionRecorder r = ConnectionRecorder.attach(p.connection());
            p.connect();
            r.awaitState(ConnectionState.FAILED, WAIT);
            var error = r.awaitError(e -> e.type() == ConnectionError.Type.TRANSPORT_ERROR, WAIT);
            assertTrue(error.message().contains("io.pusherj:pusher-transport-xhr-polling"), error.message());
            assertTrue(error.message().contains("found: ws"), "lists what was found: " + error.message());
        }
    }

    @Test
    void encryptedChannelsWithoutTheEncryptionModuleFailNamingTheArtifact() {
        var e = Assertions.assertThrows(
                PusherException.class, () -> pusher.subscribeEncrypted("private-encrypted-vault"));
        assertTrue(e.getMessage().contains("io.pusherj:pusher-encryption"), e.getMessage());
        assertTrue(pusher.channel("private-encrypted-vault").isEmpty());
    }

    @Test
    void unsubscribingWhilePendingUnsubscribesWhenTheServerConfirms() throws Exception {
        EventRecorder events = new EventRecorder();
        pusher.subscribe("a").bindGlobal(events);
        socket.awaitSent("\"channel\":\"a\"", WAIT);
        pusher.unsubscribe("a");
        socket.receive(succeeded("a"));
        assertEquals(
                "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"a\"}}",
                socket.awaitSent("pusher:unsubscribe", WAIT));
        flushWith("m1");
        assertEquals(List.of(), events.events(), "no subscription_succeeded for a cancelled subscription");
        assertTrue(pusher.channel("a").isEmpty());
    }

    @Test
    void subscribingAndUnsubscribingTwiceWhilePendingStillEndsTheSubscriptionOnTheServer() throws Exception {
        pusher.subscribe("a");
        socket.awaitSent("\"channel\":\"a\"", WAIT);
        pusher.unsubscribe("a");
        pusher.subscribe("a"); // its subscribe task may or may not run before the next line retires it
        pusher.unsubscribe("a");
        socket.receive(succeeded("a"));
        assertEquals(
                "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"a\"}}",
                socket.awaitSent("pusher:unsubscribe", WAIT));
        assertTrue(pusher.channel("a").isEmpty());
    }

    @Test
    void aSubscriptionSucceededForAChannelNoObjectWantsIsUnsubscribed() throws Exception {
        socket.receive(succeeded("ghost"));
        assertEquals(
                "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"ghost\"}}",
                socket.awaitSent("pusher:unsubscribe", WAIT));
    }

    @Test
    void subscribingAgainWhilePendingTakesOverTheSubscriptionInANewObject() throws Exception {
        EventRecorder first = new EventRecorder();
        Channel c1 = pusher.subscribe("c", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, first));
        socket.awaitSent("\"channel\":\"c\"", WAIT);
        pusher.unsubscribe("c");
        EventRecorder second = new EventRecorder();
        Channel c2 = pusher.subscribe("c", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, second));
        assertTrue(c1 != c2, "an unsubscribed channel object is not handed out again");
        socket.receive(succeeded("c"));
        second.await(1, WAIT);
        flushWith("m2");
        assertEquals(List.of(), first.events(), "the unsubscribed object's bindings are gone with it");
        assertTrue(
                socket.sent().stream().noneMatch(f -> f.contains("pusher:unsubscribe")),
                socket.sent().toString());
        assertEquals(
                1,
                socket.sent().stream()
                        .filter(f -> f.contains("\"channel\":\"c\""))
                        .count(),
                "the pending subscription is taken over, not sent twice");
        assertTrue(c2.isSubscribed());
        assertEquals(c2, pusher.channel("c").orElseThrow());
    }

    /**
     * The takeover keeps what the first object's finished authorization gave it: a presence channel's own
     * user id here (an encrypted channel's key the same way), so members().me() is right.
     */
    @Test
    void aTakenOverPresenceSubscriptionKeepsTheUserIdItsAuthorizationGave() throws Exception {
        pusher.close();
        pusher = Pusher.create(
                "key",
                PusherOptions.builder()
                        .autoConnect(false)
                        .scheduler(time)
                        .addTransportProvider(provider())
                        .enabledTransports("ws")
                        .channelAuthorization(AuthOptions.forChannels()
                                .customHandler((socketId, channel) ->
                                        CompletableFuture.completedFuture(new ChannelAuthorization(
                                                "key:sig", Optional.of("{\"user_id\":\"ada\"}"), Optional.empty())))
                                .build())
                        .build());
        rec = ConnectionRecorder.attach(pusher.connection());
        pusher.connect();
        socket = ws.awaitSocket(2, WAIT);
        socket.establish("3.3", 120);
        rec.awaitState(CONNECTED, WAIT);
        pusher.subscribePresence("presence-a");
        socket.awaitSent("\"channel\":\"presence-a\"", WAIT); // authorized, subscribe sent: still pending
        pusher.unsubscribe("presence-a");
        EventRecorder ok = new EventRecorder();
        PresenceChannel again =
                pusher.subscribePresence("presence-a", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        flushWith("m5");
        socket.receive(
                "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"presence-a\",\"data\":"
                        + "\"{\\\"presence\\\":{\\\"ids\\\":[\\\"ada\\\"],\\\"hash\\\":{\\\"ada\\\":null},\\\"count\\\":1}}\"}");
        ok.await(1, WAIT);
        assertEquals("ada", again.members().me().orElseThrow().id());
    }

    @Test
    void subscribingAgainAfterUnsubscribingAlwaysGivesAFreshObject() throws Exception {
        EventRecorder old = new EventRecorder();
        EventRecorder ok = new EventRecorder();
        pusher.subscribe("d", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        socket.awaitSent("\"channel\":\"d\"", WAIT);
        socket.receive(succeeded("d"));
        ok.await(1, WAIT);
        pusher.channel("d").orElseThrow().bind("story", old);
        pusher.unsubscribe("d");
        EventRecorder fresh = new EventRecorder();
        pusher.subscribe("d", ch -> ch.bind("story", fresh)); // before the strand sent the unsubscribe, or after
        socket.awaitSent("pusher:unsubscribe", WAIT);
        socket.receive(succeeded("d"));
        socket.receive("{\"event\":\"story\",\"channel\":\"d\",\"data\":\"{}\"}");
        fresh.await(1, WAIT);
        assertEquals(List.of(), old.events());
    }

    /** A connection made while a setup is still binding must leave that channel to the setup's call. */
    @Test
    void aConnectionMadeWhileASetupBindsWaitsForTheSetupBeforeSubscribing() throws Exception {
        CountDownLatch inSetup = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventRecorder ok = new EventRecorder();
        Thread subscriber = new Thread(() -> pusher.subscribe("late", ch -> {
            inSetup.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        }));
        subscriber.start();
        assertTrue(inSetup.await(10, TimeUnit.SECONDS));
        socket.serverClose(4200, "reconnect"); // a new connection subscribes every channel of the table
        rec.awaitState(ConnectionState.CONNECTING, 2, WAIT); // the retry timer is armed by now
        time.runUntilIdle();
        FakeTransport.FakeSocket second = ws.awaitSocket(2, WAIT);
        second.establish("2.2", 120);
        rec.awaitState(CONNECTED, 2, WAIT);
        socket = second;
        flushWith("m4");
        assertTrue(
                second.sent().stream().noneMatch(f -> f.contains("\"late\"")),
                "not before its setup returned: " + second.sent());

        release.countDown();
        subscriber.join(10_000);
        second.awaitSent("\"channel\":\"late\"", WAIT);
        second.receive(succeeded("late"));
        ok.await(1, WAIT);
    }

    /**
     * Channels are subscribed before the connected listeners run, as in pusher-js, so one that unsubscribes
     * in such a listener cancels a pending subscription (deterministically) instead of racing it.
     */
    @Test
    void unsubscribingFromAConnectedListenerCancelsTheSubscriptionJustMade() throws Exception {
        EventRecorder ok = new EventRecorder();
        pusher.subscribe("y", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        socket.awaitSent("\"channel\":\"y\"", WAIT);
        socket.receive(succeeded("y"));
        ok.await(1, WAIT);
        pusher.connection().onState(CONNECTED, change -> pusher.unsubscribe("y"));
        socket.serverClose(4200, "reconnect");
        rec.awaitState(ConnectionState.CONNECTING, 2, WAIT);
        time.runUntilIdle();
        FakeTransport.FakeSocket second = ws.awaitSocket(2, WAIT);
        second.establish("2.2", 120);
        second.awaitSent("\"channel\":\"y\"", WAIT);
        second.receive(succeeded("y"));
        assertEquals(
                "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"y\"}}",
                second.awaitSent("pusher:unsubscribe", WAIT));
        socket = second;
        flushWith("m6");
        assertEquals(1, ok.events().size(), "no second subscription_succeeded for an unsubscribed channel");
    }

    @Test
    void aSetupThatThrowsLeavesNoChannelBehind() throws Exception {
        var e = Assertions.assertThrows(
                IllegalStateException.class,
                () -> pusher.subscribe("broken", ch -> {
                    throw new IllegalStateException("setup failed");
                }));
        assertEquals("setup failed", e.getMessage());
        flushWith("m3");
        assertTrue(pusher.channel("broken").isEmpty());
        assertTrue(
                socket.sent().stream().noneMatch(f -> f.contains("broken")),
                socket.sent().toString());
    }

    @Test
    void aSetupThatThrowsACheckedExceptionUndeclaredLeavesTheChannelUsable() throws Exception {
        Assertions.assertThrows(
                IOException.class,
                () -> pusher.subscribe("kotlin", ch -> sneaky(new IOException("from a Kotlin lambda"))));
        EventRecorder ok = new EventRecorder();
        pusher.subscribe("kotlin", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        socket.awaitSent("\"channel\":\"kotlin\"", WAIT);
        socket.receive(succeeded("kotlin"));
        ok.await(1, WAIT);
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /**
     * A frame of the abandoned connection arriving after a pong timeout, before the reconnect starts, must
     * not mark a channel subscribed: it would never be subscribed on the new connection.
     */
    @Test
    void aLateSubscriptionSucceededFromTheConnectionAPongTimeoutAbandonedIsIgnored() throws Exception {
        pusher.subscribe("news");
        socket.awaitSent("\"channel\":\"news\"", WAIT);
        time.advanceBy(Duration.ofSeconds(120));
        socket.awaitSent("pusher:ping", WAIT);
        time.advanceBy(Duration.ofSeconds(30)); // no pong: the connection is given up
        rec.awaitState(ConnectionState.CONNECTING, 2, WAIT);

        socket.receive(succeeded("news")); // the backlog of a stalled link, delivered late
        time.runUntilIdle(); // the reconnect, queued on the strand after that frame
        FakeTransport.FakeSocket second = ws.awaitSocket(2, WAIT);
        second.establish("2.2", 120);
        rec.awaitState(CONNECTED, 2, WAIT);

        second.awaitSent("\"channel\":\"news\"", WAIT);
        assertTrue(socket.isClosedByClient());
    }

    @Test
    void everyChannelIsResubscribedOnTheNextConnectionExceptCancelledOnes() throws Exception {
        pusher.subscribe("keep");
        pusher.subscribe("cancel");
        socket.awaitSent("\"channel\":\"cancel\"", WAIT);
        socket.receive(succeeded("keep"));
        pusher.unsubscribe("cancel");
        flushWith("m3");

        socket.serverClose(1006, "network");
        rec.awaitState(ConnectionState.CONNECTING, 2, WAIT);
        time.advanceBy(1_200); // about a second: ± 20 % jitter
        FakeTransport.FakeSocket second = ws.awaitSocket(2, WAIT);
        second.establish("2.2", 120);
        rec.awaitState(CONNECTED, 2, WAIT);
        second.awaitSent("\"channel\":\"keep\"", WAIT);
        second.awaitSent("\"channel\":\"m3\"", WAIT);
        assertTrue(
                second.sent().stream().noneMatch(f -> f.contains("\"cancel\"")),
                second.sent().toString());
        assertEquals(
                List.of("keep", "m3"),
                pusher.channels().stream().map(c -> c.name()).sorted().toList());
    }
}
