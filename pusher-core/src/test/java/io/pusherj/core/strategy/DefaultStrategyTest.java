package io.pusherj.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.CachedTransport;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.ReconnectBackoff;
import io.pusherj.api.TransportCache;
import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import io.pusherj.core.FakeTransport;
import io.pusherj.core.connection.HandshakeResult;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.testkit.VirtualScheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The default tree's timing and fallbacks (docs/protocol.md §10.3, §10.4) on virtual time, with every slot
 * played by a scripted transport: pusher-js's strategy specs, ported.
 */
class DefaultStrategyTest {
    /** Where the fake transports "connect": nothing listens there, and nothing needs to. */
    static final Endpoints ENDPOINTS = new Endpoints("127.0.0.1", 80, 443, "", "127.0.0.1", 80, 443, "/pusher");

    final VirtualScheduler time = new VirtualScheduler();
    final ClientLoop loop = new ClientLoop(time, time);
    final Map<String, FakeTransport> slots = new LinkedHashMap<>();
    final List<String> opened = new ArrayList<>();
    final List<HandshakeResult> results = new ArrayList<>();
    final TransportCache cache = TransportCache.inMemory();
    int failures;
    /** The transport cache key of the TLS tree of app "key" (pusher-js's localStorage key). */
    static final String CACHE_KEY = "pusherTransportTLS:key";

    void slot(String name, int priority) {
        slots.put(name, new FakeTransport(name, priority));
    }

    Strategy tree(boolean useTLS) {
        return tree(useTLS, null);
    }

    Strategy tree(boolean useTLS, ReconnectBackoff backoff) {
        PusherOptions options = PusherOptions.builder().build();
        TransportManagers managers = new TransportManagers(120_000);
        return new StrategyContext(
                        "key",
                        slots::get,
                        (name, tls) -> new TransportRequest("key", tls, ENDPOINTS, "test", "1"),
                        (name, t, request, lives) -> new TransportStrategy(
                                name, t == null ? null : recording(name, t), request, loop, e -> {}, lives),
                        managers,
                        managers,
                        cache,
                        loop,
                        Optional.ofNullable(backoff))
                .build(useTLS);
    }

    /** Every socket of every slot is refused as soon as it opens (a server that is down). */
    boolean refuseEverything;
    /** Slots whose transport throws from {@code open}. */
    final List<String> throwOnOpen = new ArrayList<>();

    /** Wraps a transport to log when each attempt starts. */
    Transport recording(String name, Transport t) {
        return new Transport() {
            @Override
            public String name() {
                return t.name();
            }

            @Override
            public int priority() {
                return t.priority();
            }

            @Override
            public TransportSocket open(TransportRequest r, TransportSocketListener l) {
                opened.add(name + "@" + time.nowMillis() + (r.useTLS() ? "/tls" : ""));
                if (throwOnOpen.contains(name)) {
                    // What a JVM out of file descriptors threw from Tyrus and HttpClient: its TLS classes
                    // failed to initialize once, and every later use fails too.
                    throw new NoClassDefFoundError("Could not initialize class sun.security.ssl.SSLContextImpl");
                }
                TransportSocket socket = t.open(r, l);
                if (refuseEverything) {
                    loop.defer(() -> ((FakeTransport.FakeSocket) socket).fail("refused"));
                }
                return socket;
            }

            @Override
            public void close() {
                t.close();
            }
        };
    }

    StrategyRunner run(Strategy s) {
        StrategyRunner r = s.connect(0, new StrategyCallback() {
            @Override
            public void onFailure() {
                failures++;
            }

            @Override
            public void onHandshake(HandshakeResult result) {
                results.add(result);
            }
        });
        time.runUntilIdle();
        return r;
    }

    @Test
    void withTlsWebSocketStartsFirstAndHttpFallbacksFollowAfterTwoAndSixSeconds() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        slot("xhr_polling", 1);
        run(tree(true));
        time.advanceBy(6_000);
        assertEquals(List.of("ws@0/tls", "xhr_streaming@2000/tls", "xhr_polling@6000/tls"), opened);
    }

    @Test
    void withoutTlsWssIsRacedAfterTwoSecondsAndHttpAfterFive() {
        slot("ws", 3);
        slot("wss", 3);
        slot("xhr_streaming", 1);
        slot("xhr_polling", 1);
        run(tree(false));
        time.advanceBy(9_000);
        assertEquals(List.of("ws@0", "wss@2000/tls", "xhr_streaming@5000", "xhr_polling@9000"), opened);
    }

    @Test
    void webSocketConnectingWithinTwoSecondsMeansNoFallbackEverStarts() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        run(tree(true));
        time.advanceBy(1_500);
        slots.get("ws").last().establish("1.1", 120);
        time.advanceBy(60_000);
        assertEquals(List.of("ws@0/tls"), opened);
        assertEquals(1, results.size());
        assertTrue(results.get(0).isConnected());
    }

    @Test
    void aConnectedWebSocketClosesLowerPriorityAttempts() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        run(tree(true));
        time.advanceBy(2_000);
        FakeTransport.FakeSocket streaming = slots.get("xhr_streaming").last();
        slots.get("ws").last().establish("1.1", 120);
        time.runUntilIdle();
        assertTrue(streaming.isClosedByClient());
        assertEquals(1, results.size());
    }

    @Test
    void httpConnectsWhenWebSocketsAreBlocked() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        run(tree(true));
        time.advanceBy(2_000);
        slots.get("xhr_streaming").last().establish("9.9", 120);
        time.runUntilIdle();
        assertEquals(1, results.size());
        assertEquals(1, results.get(0).priority());
        assertTrue(slots.get("ws").last().isClosedByClient(), "FirstConnected aborts the rest");
    }

    @Test
    void aTransportWhoseOpenThrowsAnErrorIsAFailedAttemptAndTheFallbacksCarryOn() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        throwOnOpen.add("ws");
        run(tree(true));
        time.advanceBy(2_000);
        slots.get("xhr_streaming").last().establish("9.9", 120);
        time.runUntilIdle();
        time.advanceBy(60_000); // every timer of the failed ws try fires, with nothing left to abort
        assertEquals(List.of("ws@0/tls", "xhr_streaming@2000/tls"), opened);
        assertEquals(1, results.size());
        assertEquals(1, results.get(0).priority());
    }

    @Test
    void sockjsIsTheLastFallbackWhenNoXhrTransportIsPresent() {
        slot("ws", 3);
        slot("sockjs", 1);
        run(tree(true));
        time.advanceBy(2_000);
        assertEquals(List.of("ws@0/tls", "sockjs@2000/tls"), opened);
    }

    @Test
    void withoutWebSocketsTheHttpLoopRunsAlone() {
        slot("xhr_polling", 1);
        run(tree(true));
        assertEquals(List.of("xhr_polling@0/tls"), opened);
    }

    @Test
    void nothingPresentIsUnsupported() {
        assertFalse(tree(true).isSupported());
        slot("wss", 3);
        // As in pusher-js (its README warns about enabledTransports: ['wss']): wss is only raced beside ws.
        assertFalse(tree(true).isSupported());
        assertFalse(tree(false).isSupported());
        slot("ws", 3);
        assertTrue(tree(false).isSupported());
    }

    @Test
    void aConnectedTransportIsRememberedWithItsLatency() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        run(tree(true));
        time.advanceBy(2_500);
        slots.get("xhr_streaming").last().establish("1.1", 120);
        time.runUntilIdle();
        var entry = cache.get(CACHE_KEY).orElseThrow();
        assertEquals("xhr_streaming", entry.transport());
        assertEquals(2_500, entry.latencyMillis(), "from the start of the whole run (pusher-js)");
        assertEquals(0, entry.cacheSkipCount());
    }

    /** When each slot of {@code names} was opened, in ms. */
    List<Long> openedAt(String name) {
        return opened.stream()
                .filter(o -> o.startsWith(name + "@"))
                .map(o -> Long.parseLong(o.substring(name.length() + 1).replace("/tls", "")))
                .toList();
    }

    /** The attempts of one slot in 60 s of a TLS tree whose every socket is refused, from the tree's start. */
    List<Long> attemptsInAMinuteOfRefusals(ReconnectBackoff backoff, String name) {
        opened.clear();
        long start = time.nowMillis();
        StrategyRunner r = run(tree(true, backoff));
        time.advanceBy(60_000);
        r.abort();
        return opened.stream()
                .filter(o -> o.startsWith(name + "@"))
                .map(o -> Long.parseLong(o.substring(name.length() + 1).replace("/tls", "")) - start)
                .toList();
    }

    /**
     * With backoff, a server that is down is retried early by the loop that runs first (ws) only: the HTTP
     * fallbacks racing behind it keep pusher-js's budgets exactly, so an outage costs the server few more
     * attempts than pusher-js's schedule while ws still finds it back quickly.
     */
    @Test
    void withBackoffOnlyTheFirstLoopRetriesEarlyTheFallbacksKeepPusherJsBudgets() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        slot("xhr_polling", 1);
        refuseEverything = true;
        for (String fallback : List.of("xhr_streaming", "xhr_polling")) {
            assertEquals(
                    attemptsInAMinuteOfRefusals(null, fallback),
                    attemptsInAMinuteOfRefusals(ReconnectBackoff.DEFAULT, fallback),
                    fallback);
        }
        assertEquals(List.of(0L, 15_000L, 45_000L), attemptsInAMinuteOfRefusals(null, "ws"), "pusher-js");
        List<Long> ws = attemptsInAMinuteOfRefusals(ReconnectBackoff.DEFAULT, "ws");
        assertEquals(1_000, ws.get(1), 200, "retried after the backoff's first wait, 1 s ± 20 %: " + ws);
        assertTrue(ws.size() >= 6 && ws.size() <= 9, "gRPC's schedule over a minute: " + ws);
    }

    @Test
    void withoutWebSocketsStreamingIsTheFirstLoopAndPollingKeepsPusherJsBudgets() {
        slot("xhr_streaming", 1);
        slot("xhr_polling", 1);
        refuseEverything = true;
        assertEquals(
                attemptsInAMinuteOfRefusals(null, "xhr_polling"),
                attemptsInAMinuteOfRefusals(ReconnectBackoff.DEFAULT, "xhr_polling"));
        List<Long> streaming = attemptsInAMinuteOfRefusals(ReconnectBackoff.DEFAULT, "xhr_streaming");
        assertEquals(1_000, streaming.get(1), 200, "retried after the backoff's first wait: " + streaming);
    }

    @Test
    void aCachedWebSocketIsTriedAloneFirstAndFailsFast() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        cache.put(CACHE_KEY, new CachedTransport("ws", time.nowMillis(), 100, 0));
        run(tree(true));
        assertEquals(List.of("ws@0/tls"), opened);
        slots.get("ws").last().fail("refused");
        time.runUntilIdle();
        assertTrue(cache.get(CACHE_KEY).isEmpty(), "a failure forgets the entry");
        time.advanceBy(2_000);
        assertEquals(List.of("ws@0/tls", "ws@0/tls", "xhr_streaming@2000/tls"), opened, "then the full strategy");
    }

    @Test
    void aCachedHttpTransportGivesWebSocketThreeMoreChancesBeforeGoingFirst() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        cache.put(CACHE_KEY, new CachedTransport("xhr_streaming", time.nowMillis(), 100, 0));
        for (int skips = 1; skips <= 4; skips++) {
            opened.clear();
            long start = time.nowMillis();
            StrategyRunner r = run(tree(true));
            assertEquals("ws@" + start + "/tls", opened.get(0), "the full strategy first, ws leading");
            time.advanceBy(2_000);
            slots.get("xhr_streaming").last().establish("9.9", 120);
            time.runUntilIdle();
            r.abort();
            assertEquals(skips, cache.get(CACHE_KEY).orElseThrow().cacheSkipCount(), "one more skip counted");
        }
        opened.clear();
        run(tree(true));
        assertEquals(
                List.of("xhr_streaming@" + time.nowMillis() + "/tls"), opened, "after more than 3 skips it goes first");
    }

    @Test
    void anExpiredEntryIsIgnored() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        cache.put(CACHE_KEY, new CachedTransport("xhr_streaming", time.nowMillis(), 100, 9));
        time.advanceBy(1_800_001);
        opened.clear();
        run(tree(true));
        assertEquals(List.of("ws@" + time.nowMillis() + "/tls"), opened);
    }

    @Test
    void streamingLosesItsTwoLivesToShortUncleanConnectionsAndPollingTakesOver() {
        slot("xhr_streaming", 1);
        slot("xhr_polling", 1);
        Strategy tree = tree(true);
        for (int life = 1; life <= 2; life++) {
            opened.clear();
            StrategyRunner r = run(tree);
            assertEquals("xhr_streaming@" + time.nowMillis() + "/tls", opened.get(0));
            slots.get("xhr_streaming").last().establish("1." + life, 120);
            time.runUntilIdle();
            r.abort();
            time.advanceBy(1_000);
            slots.get("xhr_streaming").last().serverClose(1006, "proxy cut the stream");
            time.runUntilIdle();
        }
        opened.clear();
        run(tree);
        assertEquals(List.of("xhr_polling@" + time.nowMillis() + "/tls"), opened, "streaming has no life left");
    }

    @Test
    void aCleanOrLongLivedCloseCostsNoLife() {
        slot("xhr_streaming", 1);
        slot("xhr_polling", 1);
        Strategy tree = tree(true);
        for (int i = 1; i <= 3; i++) {
            StrategyRunner r = run(tree);
            slots.get("xhr_streaming").last().establish("1." + i, 120);
            time.runUntilIdle();
            r.abort();
            time.advanceBy(i == 3 ? 240_001 : 1_000);
            slots.get("xhr_streaming").last().serverClose(i == 3 ? 1006 : 1000, "bye");
            time.runUntilIdle();
        }
        opened.clear();
        run(tree);
        assertEquals("xhr_streaming@" + time.nowMillis() + "/tls", opened.get(0));
    }

    @Test
    void abortStopsEveryPendingAttemptAndTimer() {
        slot("ws", 3);
        slot("xhr_streaming", 1);
        StrategyRunner r = run(tree(true));
        r.abort();
        time.advanceBy(600_000);
        assertEquals(List.of("ws@0/tls"), opened);
        assertTrue(slots.get("ws").last().isClosedByClient());
        assertEquals(0, failures);
        assertTrue(results.isEmpty());
    }
}
