package io.pusherj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.spi.Cancellable;
import io.pusherj.api.spi.Scheduler;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PusherOptionsTest {
    @Test
    void defaultsFollowTheChannelsDocsAndPusherJs() {
        PusherOptions o = PusherOptions.builder().build();
        assertEquals("mt1", o.cluster());
        assertTrue(o.forceTLS());
        assertEquals(80, o.wsPort());
        assertEquals(443, o.wssPort());
        assertEquals("", o.wsPath());
        assertEquals("/pusher", o.httpPath());
        assertEquals(Duration.ofSeconds(120), o.activityTimeout());
        assertEquals(Duration.ofSeconds(30), o.pongTimeout());
        assertEquals(Duration.ofSeconds(10), o.unavailableTimeout());
        assertFalse(o.statsEnabled());
        assertTrue(o.autoConnect());
        assertEquals(Optional.empty(), o.enabledTransports());
    }

    @Test
    void statsFollowPusherJsPrecedence() {
        assertTrue(PusherOptions.builder()
                .enableStats(true)
                .disableStats(true)
                .build()
                .statsEnabled());
        assertTrue(PusherOptions.builder().disableStats(false).build().statsEnabled());
        assertFalse(PusherOptions.builder().disableStats(true).build().statsEnabled());
    }

    @Test
    void statsHostAndTimelineParamsAreKeptAndChecked() {
        assertEquals("stats.pusher.com", PusherOptions.builder().build().statsHost());
        PusherOptions o = PusherOptions.builder()
                .statsHost("127.0.0.1:9000")
                .timelineParam("b", "2")
                .timelineParam("a", "1")
                .build();
        assertEquals(List.of("b", "a"), List.copyOf(o.timelineParams().keySet()), "insertion order");
        assertEquals(o.timelineParams(), o.toBuilder().build().timelineParams());
        assertEquals("127.0.0.1:9000", o.toBuilder().build().statsHost());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PusherOptions.builder()
                        .statsHost("https://stats.example.com/x")
                        .build());
        assertTrue(e.getMessage().contains("statsHost"), e.getMessage());
    }

    @Test
    void theInboundQueueLimitIsPositiveAndDefaultsTo16MiChars() {
        assertEquals(16L * 1024 * 1024, PusherOptions.builder().build().maxQueuedInboundChars());
        assertEquals(
                1_000,
                PusherOptions.builder().maxQueuedInboundChars(1_000).build().toBuilder()
                        .build()
                        .maxQueuedInboundChars());
        assertThrows(
                IllegalArgumentException.class,
                () -> PusherOptions.builder().maxQueuedInboundChars(0).build());
    }

    @Test
    void anEmptyEnabledTransportsListIsKept() {
        assertEquals(
                Optional.of(Set.of()),
                PusherOptions.builder().enabledTransports().build().enabledTransports());
    }

    @Test
    void invalidOptionsAreRejectedNamingTheOption() {
        assertMessage("wsPort", () -> PusherOptions.builder().wsPort(0).build());
        assertMessage("wsPath", () -> PusherOptions.builder().wsPath("nope").build());
        assertMessage("wsHost", () -> PusherOptions.builder().wsHost("ws://x").build());
        assertMessage(
                "activityTimeout",
                () -> PusherOptions.builder().activityTimeout(Duration.ZERO).build());
        assertMessage(
                "enabledTransports contains unknown transport 'websocket'",
                () -> PusherOptions.builder().enabledTransports("websocket").build());
        assertMessage("cluster", () -> PusherOptions.builder().cluster("e u").build());
    }

    private static void assertMessage(String expected, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }

    @Test
    void authHeadersThatCouldInjectOrSplitARequestAreRefusedWithoutEchoingTheValue() {
        IllegalArgumentException crlf = assertThrows(
                IllegalArgumentException.class,
                () -> PusherOptions.builder().authHeader("Authorization", "Bearer s3cret\r\nX-Evil: 1"));
        assertTrue(crlf.getMessage().contains("Authorization"), crlf.getMessage());
        assertFalse(crlf.getMessage().contains("s3cret"), "the value may be a token: " + crlf.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> PusherOptions.builder().authHeader("X-Nul", "a\u0000b"));
        assertThrows(
                IllegalArgumentException.class, () -> PusherOptions.builder().authHeader("Bad Name", "v"));
        assertThrows(
                IllegalArgumentException.class, () -> PusherOptions.builder().authHeader("", "v"));
        assertEquals(
                "Bearer t",
                PusherOptions.builder()
                        .authHeader("Authorization", "Bearer t")
                        .build()
                        .channelAuthorization()
                        .headers()
                        .get("Authorization"));
    }

    /** A sub-millisecond duration would become a 0 ms timer: a ping on every pong, or a reconnect storm. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 999_999, -1_000_000})
    void durationsShorterThanAMillisecondAreRefusedAtTheCall(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        PusherOptions.Builder b = PusherOptions.builder();
        for (Consumer<Duration> setter : List.<Consumer<Duration>>of(
                b::activityTimeout, b::pongTimeout, b::unavailableTimeout, AuthOptions.forChannels()::timeout)) {
            var e = Assertions.assertThrows(IllegalArgumentException.class, () -> setter.accept(d));
            assertTrue(e.getMessage().contains("at least 1 ms"), e.getMessage());
        }
        Assertions.assertThrows(NullPointerException.class, () -> b.pongTimeout(null));
        assertEquals(
                Duration.ofMillis(1),
                b.pongTimeout(Duration.ofMillis(1)).build().pongTimeout());
    }

    @Test
    void everyOptionalOptionSurvivesTheBuilderRoundTripAndUnsetOnesStayEmpty() throws Exception {
        PusherOptions unset = PusherOptions.builder().build();
        PusherOptions unsetAgain = unset.toBuilder().build();
        for (PusherOptions o : List.of(unset, unsetAgain)) {
            assertEquals(Optional.empty(), o.wsHost());
            assertEquals(Optional.empty(), o.httpHost());
            assertEquals(Optional.empty(), o.enabledTransports());
            assertEquals(Optional.empty(), o.sslContext());
            assertEquals(Optional.empty(), o.proxy());
            assertEquals(Optional.empty(), o.callbackExecutor());
            assertEquals(Optional.empty(), o.scheduler());
            assertEquals(Optional.empty(), o.runtime());
            assertEquals(Optional.empty(), o.transportCache());
            assertEquals(Optional.of(ReconnectBackoff.DEFAULT), o.reconnectBackoff());
        }
        SSLContext tls = SSLContext.getDefault();
        Executor callbacks = Runnable::run;
        Scheduler scheduler = new Scheduler() {
            @Override
            public long nowMillis() {
                return 0;
            }

            @Override
            public Cancellable schedule(Runnable task, long delayMillis) {
                return () -> {};
            }
        };
        TransportCache cache = TransportCache.inMemory();
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), 2.0, 0.1, Duration.ofSeconds(5));
        PusherOptions set = PusherOptions.builder()
                .wsHost("ws.example.com")
                .httpHost("http.example.com")
                .enabledTransports("ws", "xhr_polling")
                .sslContext(tls)
                .proxy("proxy.example.com", 3128)
                .localAddress(InetAddress.getLoopbackAddress())
                .callbackExecutor(callbacks)
                .scheduler(scheduler)
                .transportCache(cache)
                .reconnectBackoff(backoff)
                .build()
                .toBuilder()
                .build();
        assertEquals(Optional.of("ws.example.com"), set.wsHost());
        assertEquals(Optional.of("http.example.com"), set.httpHost());
        assertEquals(Optional.of(Set.of("ws", "xhr_polling")), set.enabledTransports());
        Assertions.assertSame(tls, set.sslContext().orElseThrow());
        assertEquals("proxy.example.com", set.proxy().orElseThrow().getHostString());
        assertEquals(3128, set.proxy().orElseThrow().getPort());
        assertEquals(Optional.of(InetAddress.getLoopbackAddress()), set.localAddress());
        assertTrue(set.toString().contains("localAddress=127.0.0.1"), set.toString());
        assertEquals(Optional.empty(), PusherOptions.builder().build().localAddress());
        Assertions.assertSame(callbacks, set.callbackExecutor().orElseThrow());
        Assertions.assertSame(scheduler, set.scheduler().orElseThrow());
        Assertions.assertSame(cache, set.transportCache().orElseThrow());
        assertEquals(Optional.of(backoff), set.reconnectBackoff());
    }

    @Test
    void untouchedAuthBuildersShareOneInstancePerKindAndAnyChangeMakesItsOwn() {
        assertTrue(
                AuthOptions.forChannels().build() == AuthOptions.forChannels().build(), "channels share");
        assertTrue(AuthOptions.forUsers().build() == AuthOptions.forUsers().build(), "users share");
        assertFalse(
                (Object) AuthOptions.forChannels().build()
                        == AuthOptions.forUsers().build(),
                "the two kinds stay apart: their endpoint names differ in messages");
        assertTrue(PusherOptions.builder().build().userAuthentication()
                == PusherOptions.builder().build().userAuthentication());
        AuthOptions<ChannelAuthorizer> shared = AuthOptions.forChannels().build();
        AuthOptions<ChannelAuthorizer> derived =
                shared.toBuilder().param("token", "t").build();
        assertFalse(derived == shared);
        assertEquals(Map.of("token", "t"), derived.params());
        assertEquals(Map.of(), shared.params(), "the shared instance is unchanged");
        assertTrue(shared.toBuilder().build() == shared, "a round trip of the untouched options is the same");
        assertFalse(AuthOptions.forChannels().timeout(Duration.ofSeconds(3)).build() == shared);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> AuthOptions.forUsers().endpoint("relative/path"));
        assertTrue(e.getMessage().startsWith("userAuthentication endpoint"), e.getMessage());
    }
}
