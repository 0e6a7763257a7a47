package io.pusherj.core.connection;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static io.pusherj.api.ConnectionState.FAILED;
import static io.pusherj.api.ConnectionState.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.ReconnectBackoff;
import io.pusherj.api.TransportCache;
import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.core.FakeTransport;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.core.strategy.StrategyContext;
import io.pusherj.core.strategy.TransportManagers;
import io.pusherj.core.strategy.TransportStrategy;
import io.pusherj.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The connection manager on virtual time with scripted sockets: cases ported from pusher-js's
 * {@code connection_manager_spec.js}, adapted where pusherj deliberately differs (see ConnectionManager).
 */
class ConnectionManagerTest {
    /** Where the fake transports "connect": nothing listens there, and nothing needs to. */
    static final Endpoints ENDPOINTS = new Endpoints("127.0.0.1", 80, 443, "", "127.0.0.1", 80, 443, "/pusher");

    final VirtualScheduler time = new VirtualScheduler();
    final ClientLoop loop = new ClientLoop(time, time);
    final FakeTransport ws = new FakeTransport("ws", 3);
    final Map<String, Transport> transports = new HashMap<>(Map.of("ws", ws));
    final List<ConnectionState> states = new ArrayList<>();
    final List<ConnectionError> errors = new ArrayList<>();
    final List<Long> connectingIn = new ArrayList<>();
    final List<Frame> frames = new ArrayList<>();
    final List<Boolean> tlsFlags = new ArrayList<>();
    ConnectionManager manager;

    ConnectionManager manager(PusherOptions options) {
        if (manager != null) {
            manager.disconnect(); // a test making several: the last one's timers share the virtual time
        }
        states.clear();
        // Kept across the trees built for each attempt, as the client keeps them.
        StrategyContext context = new StrategyContext(
                "key",
                transports::get,
                (name, tls) -> new TransportRequest("key", tls, ENDPOINTS, "test", "1"),
                (name, t, request, lives) -> new TransportStrategy(name, t, request, loop, errors::add, lives),
                new TransportManagers(options.activityTimeout().toMillis()),
                new TransportManagers(options.activityTimeout().toMillis()),
                TransportCache.inMemory(),
                loop,
                Optional.ofNullable(loopBackoff));
        manager = new ConnectionManager(
                options,
                loop,
                useTLS -> {
                    tlsFlags.add(useTLS);
                    return context.build(useTLS);
                },
                listener(),
                () -> random);
        return manager;
    }

    /**
     * The backoff of the strategy's retry loops: none (pusher-js's pacing) unless a test sets it, so the
     * manager's own waits are seen alone; SequentialStrategyTest covers backoff in the loops.
     */
    ReconnectBackoff loopBackoff;

    /** The jitter source: 0.5 is the middle, no jitter at all (tests that check the bounds set it). */
    double random = 0.5;

    ConnectionManager.Listener listener() {
        return new ConnectionManager.Listener() {
            @Override
            public void onStateChange(ConnectionState previous, ConnectionState current) {
                assertEquals(previous, states.isEmpty() ? ConnectionState.INITIALIZED : states.get(states.size() - 1));
                states.add(current);
            }

            @Override
            public void onError(ConnectionError error) {
                errors.add(error);
            }

            @Override
            public void onConnectingIn(long delayMillis) {
                connectingIn.add(delayMillis);
            }

            @Override
            public void onFrame(Frame frame) {
                frames.add(frame);
            }
        };
    }

    ConnectionManager manager() {
        return manager(PusherOptions.builder().build());
    }

    void connected(String socketId, int activityTimeoutSeconds) {
        manager.connect();
        time.runUntilIdle();
        ws.last().establish(socketId, activityTimeoutSeconds);
        time.runUntilIdle();
        assertEquals(CONNECTED, manager.state());
    }

    @Test
    void startsInitializedAndConnectingOpensTheWebSocketWithTls() {
        manager();
        assertEquals(ConnectionState.INITIALIZED, manager.state());
        manager.connect();
        time.runUntilIdle();
        assertEquals(List.of(CONNECTING), states);
        assertEquals(1, ws.sockets().size());
        assertTrue(ws.last().request.useTLS());
    }

    @Test
    void connectIsANoOpWhileConnectingOrConnected() {
        manager();
        manager.connect();
        manager.connect();
        time.runUntilIdle();
        assertEquals(1, ws.sockets().size());
        ws.last().establish("1.1", 120);
        time.runUntilIdle();
        manager.connect();
        time.runUntilIdle();
        assertEquals(1, ws.sockets().size());
        assertEquals(List.of(CONNECTING, CONNECTED), states);
    }

    @Test
    void noUsableTransportMeansFailed() {
        transports.clear();
        manager();
        manager.connect();
        time.runUntilIdle();
        assertEquals(List.of(FAILED), states);
    }

    @Test
    void handshakeGivesSocketIdAndActivityTimeoutIsTheMinimumOfOptionAndServer() {
        manager();
        connected("123.456", 30);
        assertEquals("123.456", manager.socketId());
        assertEquals(30_000, manager.activityTimeout());
        manager.disconnect();
        time.runUntilIdle();
        manager(PusherOptions.builder().activityTimeout(Duration.ofSeconds(10)).build());
        connected("1.2", 120);
        assertEquals(10_000, manager.activityTimeout());
    }

    @Test
    void unavailableAfterTenSecondsThenConnectedWithoutPassingThroughConnecting() {
        manager();
        manager.connect();
        time.advanceBy(9_999);
        assertEquals(List.of(CONNECTING), states);
        time.advanceBy(1);
        assertEquals(List.of(CONNECTING, UNAVAILABLE), states);
        ws.last().establish("1.1", 120);
        time.runUntilIdle();
        assertEquals(List.of(CONNECTING, UNAVAILABLE, CONNECTED), states);
    }

    @Test
    void webSocketAttemptsAreSpacedByTheDoublingTimeoutsWhileNothingAnswers() {
        manager();
        manager.connect();
        time.runUntilIdle();
        List<Long> attemptTimes = new ArrayList<>();
        attemptTimes.add(time.nowMillis());
        int seen = 1;
        while (time.nowMillis() < 300_000) {
            time.advanceBy(1_000);
            if (ws.sockets().size() > seen) {
                seen = ws.sockets().size();
                attemptTimes.add(time.nowMillis());
                assertTrue(ws.sockets().get(seen - 2).isClosedByClient(), "the previous attempt was aborted");
            }
        }
        // docs/protocol.md §10.4: ws attempts at 0, 15, 45, 105, 165, 225, 285 s
        assertEquals(List.of(0L, 15_000L, 45_000L, 105_000L, 165_000L, 225_000L, 285_000L), attemptTimes);
    }

    @Test
    void disconnectAbortsTheAttemptAndClosesTheConnection() {
        manager();
        manager.connect();
        time.runUntilIdle();
        manager.disconnect();
        time.runUntilIdle();
        assertTrue(ws.last().isClosedByClient());
        assertEquals(List.of(CONNECTING, DISCONNECTED), states);
        assertEquals(0, time.pendingTasks());

        connected("1.1", 120);
        manager.disconnect();
        time.runUntilIdle();
        assertTrue(ws.last().isClosedByClient());
        assertNull(manager.socketId());
        assertEquals(0, time.pendingTasks(), "no timer survives a disconnect");
    }

    @Test
    void aDroppedConnectionGoesConnectingAndRetriesAfterOneSecond() {
        manager();
        connected("1.1", 120);
        ws.last().serverClose(1006, "gone");
        time.runUntilIdle();
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING), states);
        assertEquals(List.of(1_000L), connectingIn);
        assertEquals(1, ws.sockets().size());
        time.advanceBy(1_000);
        assertEquals(2, ws.sockets().size());
        ws.last().establish("2.2", 120);
        time.runUntilIdle();
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), states);
        assertEquals("2.2", manager.socketId());
    }

    @Test
    void aShortLivedUncleanConnectionLowersTheNextActivityTimeout() {
        manager();
        connected("1.1", 120);
        time.advanceBy(30_000);
        ws.last().serverClose(1006, "cut");
        time.advanceBy(1_000);
        ws.last().establish("2.2", 120);
        time.runUntilIdle();
        assertEquals(15_000, manager.activityTimeout(), "half the 30 s lifespan (docs/protocol.md §10.6)");
    }

    @Test
    void aNormalCloseIsNotAnErrorButStillReconnects() {
        manager();
        connected("1.1", 120);
        ws.last().serverClose(1000, "bye");
        time.runUntilIdle();
        assertTrue(errors.isEmpty());
        assertEquals(List.of(1_000L), connectingIn);
    }

    @Test
    void closeCode4000SwitchesToTlsForGood() {
        manager(PusherOptions.builder().forceTLS(false).build());
        connected("1.1", 120);
        assertFalse(ws.last().request.useTLS());
        ws.last().serverClose(4000, "tls only");
        time.runUntilIdle();
        assertTrue(manager.isUsingTLS());
        assertEquals(List.of(false, true), tlsFlags);
        assertTrue(connectingIn.isEmpty(), "retry at once");
        assertEquals(2, ws.sockets().size());
        assertTrue(ws.last().request.useTLS());
        assertEquals(4000, errors.get(0).code().getAsInt());
    }

    @Test
    void refusedHandshakeDisconnects() {
        manager();
        manager.connect();
        time.runUntilIdle();
        ws.last().open();
        ws.last().receive("{\"event\":\"pusher:error\",\"data\":{\"code\":4004,\"message\":\"Over quota\"}}");
        time.runUntilIdle();
        assertEquals(List.of(CONNECTING, DISCONNECTED), states);
        assertEquals(4004, errors.get(0).code().getAsInt());
        assertEquals("Over quota", errors.get(0).message());
        assertTrue(ws.last().isClosedByClient());
    }

    @Test
    void withPusherJsTimingBackOffCodesDuringTheHandshakeKeepConnectingAndNeverBecomeUnavailable() {
        manager(PusherOptions.builder().pusherJsReconnectTiming().build());
        manager.connect();
        for (int i = 0; i < 20; i++) {
            time.runUntilIdle();
            ws.last().open();
            ws.last().serverClose(4100, "over capacity");
            time.advanceBy(1_000);
        }
        assertEquals(List.of(CONNECTING), states, "connect() re-arms the unavailable timer on every retry");
        assertEquals(21, ws.sockets().size());
    }

    /** The server closes every new connection at once with {@code code}, {@code n} times; the delays announced. */
    List<Long> closedAtOnce(int code, int n) {
        for (int i = 0; i < n; i++) {
            time.runUntilIdle();
            ws.last().establish(i + ".1", 120);
            time.runUntilIdle();
            int before = ws.sockets().size();
            ws.last().serverClose(code, "closing");
            time.runUntilIdle();
            untilANewSocketOpens(before);
        }
        return connectingIn;
    }

    /** Runs the timers (the retry, and the unavailable timer that may come first) until the next attempt. */
    void untilANewSocketOpens(int before) {
        while (ws.sockets().size() == before) {
            time.advanceBy(time.nextTaskDelay().orElseThrow());
        }
    }

    @Test
    void aLoneCloseGetsPusherJsFirstReactionForEveryCode() {
        for (int code : new int[] {4200, 4201, 4000}) {
            connectingIn.clear();
            manager();
            manager.connect();
            closedAtOnce(code, 1);
            assertEquals(List.of(), connectingIn, code + " reconnects at once");
            assertEquals(CONNECTING, manager.state());
        }
        for (int code : new int[] {4100, 1006, 1002, 1000}) {
            connectingIn.clear();
            manager();
            manager.connect();
            closedAtOnce(code, 1);
            assertEquals(List.of(1_000L), connectingIn, code + " waits a second");
        }
        for (int code : new int[] {4001, 4099, 4300, 4999}) {
            manager();
            manager.connect();
            time.runUntilIdle();
            ws.last().establish("1.1", 120);
            time.runUntilIdle();
            int sockets = ws.sockets().size();
            ws.last().serverClose(code, "refused");
            time.advanceBy(120_000);
            assertEquals(List.of(CONNECTING, CONNECTED, DISCONNECTED), states, code + " does not reconnect");
            assertEquals(sockets, ws.sockets().size(), code + " makes no attempt");
        }
    }

    @Test
    void aLoneCloseKeepsItsReactionUnderJitter() {
        for (double r : new double[] {0.0, 0.999_999}) {
            random = r;
            connectingIn.clear();
            manager();
            manager.connect();
            closedAtOnce(4200, 1);
            assertEquals(List.of(), connectingIn, "4200 reconnects at once whatever the jitter");
            connectingIn.clear();
            manager();
            manager.connect();
            closedAtOnce(4100, 1);
            assertEquals(1, connectingIn.size());
            long wait = connectingIn.get(0);
            assertTrue(wait >= 800 && wait <= 1_200, "4100 waits about a second: " + wait);
        }
    }

    @Test
    void aCodelessPusherErrorInTheHandshakeGetsOneSecondFirstThenEscalates() {
        manager();
        manager.connect();
        for (int i = 0; i < 3; i++) {
            time.runUntilIdle();
            ws.last().open();
            int before = ws.sockets().size();
            ws.last().receive("{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\"?\"}}");
            time.runUntilIdle();
            untilANewSocketOpens(before);
        }
        assertEquals(List.of(1_000L, 1_000L, 1_600L), connectingIn, "1 s (pusherj's back-off), then the backoff's");
    }

    @Test
    void disconnectForgivesTheFailuresInARow() {
        manager();
        manager.connect();
        closedAtOnce(4200, 4);
        assertEquals(List.of(1_000L, 1_600L, 2_560L), connectingIn);
        manager.disconnect();
        manager.connect();
        closedAtOnce(4200, 1);
        assertEquals(List.of(1_000L, 1_600L, 2_560L), connectingIn, "after disconnect() a close is a first failure");
    }

    @Test
    void aConnectionUpForLessThanTenSecondsForgivesNothing() {
        manager();
        manager.connect();
        closedAtOnce(4200, 2);
        time.runUntilIdle();
        ws.last().establish("9.9", 120);
        time.runUntilIdle();
        time.advanceBy(9_999);
        ws.last().serverClose(4200, "closing");
        time.runUntilIdle();
        assertEquals(List.of(1_000L, 1_600L), connectingIn, "9,999 ms connected: the third failure in a row");
    }

    @Test
    void noUsableTransportDuringABackoffWaitStaysFailed() {
        manager();
        manager.connect();
        closedAtOnce(4200, 2);
        time.runUntilIdle();
        ws.last().establish("3.1", 120);
        time.runUntilIdle();
        transports.clear(); // the next attempt finds nothing to use
        ws.last().serverClose(4200, "closing");
        time.advanceBy(120_000);
        assertEquals(FAILED, manager.state());
        assertEquals(FAILED, states.get(states.size() - 1), "the unavailable timer of the lost connection is gone");
    }

    @Test
    void closesInARowEscalateExponentiallyUpToTheCap() {
        manager();
        manager.connect();
        closedAtOnce(4200, 14);
        // First reaction 0 (not announced), then 1 s × 1.6^k, capped at 60 s.
        assertEquals(
                List.of(
                        1_000L, 1_600L, 2_560L, 4_096L, 6_553L, 10_485L, 16_777L, 26_843L, 42_949L, 60_000L, 60_000L,
                        60_000L, 60_000L),
                connectingIn);
        assertEquals(15, ws.sockets().size(), "one attempt per close, after the first connection");
    }

    @Test
    void aConnectionThatLivedForgivesTheFailuresBeforeIt() {
        manager();
        manager.connect();
        closedAtOnce(4200, 4);
        assertEquals(List.of(1_000L, 1_600L, 2_560L), connectingIn);
        time.runUntilIdle();
        ws.last().establish("9.9", 120);
        time.runUntilIdle();
        time.advanceBy(10_000); // connected for BackoffSchedule.LIVED_MILLIS
        ws.last().serverClose(4200, "closing");
        time.runUntilIdle();
        assertEquals(List.of(1_000L, 1_600L, 2_560L), connectingIn, "a first failure again: at once");
        assertEquals(6, ws.sockets().size(), "1 + 4 closes, then the one made at once");
    }

    @Test
    void jitterSpreadsEveryWaitByTwentyPercentEitherWay() {
        random = 0.0;
        manager();
        manager.connect();
        closedAtOnce(4100, 3);
        random = 0.999_999;
        closedAtOnce(4100, 2);
        assertEquals(
                List.of(800L, 800L, 1_280L, 3_072L, 4_915L),
                connectingIn,
                "1 s, 1 s, 1.6 s × 0.8, then 2.56 s, 4.096 s × 1.2");
    }

    @Test
    void theCapIsBeforeTheJitterSoTheLongestWaitIs72Seconds() {
        random = 0.999_999;
        manager();
        manager.connect();
        closedAtOnce(4200, 12);
        assertEquals(72_000L, connectingIn.get(connectingIn.size() - 1), "60 s × 1.2, at the top of the jitter");
    }

    @Test
    void connectCalledWhileTheRetryLoopWaitsOutItsBackoffConnectsAtOnce() {
        loopBackoff = ReconnectBackoff.DEFAULT;
        manager();
        manager.connect();
        time.runUntilIdle();
        ws.last().fail("refused"); // the ws loop waits 1 s ± 20 % before trying again
        untilANewSocketOpens(1);
        ws.last().fail("refused"); // now 1.6 s ± 20 %: at least 1.28 s
        time.advanceBy(1_100);
        assertEquals(2, ws.sockets().size());
        manager.connect();
        time.runUntilIdle();
        assertEquals(3, ws.sockets().size(), "the application asked: the retry is made at once");
        assertEquals(List.of(CONNECTING), states, "still the same attempt: no state flaps");
        ws.last().establish("4.2", 120);
        time.runUntilIdle();
        assertEquals(CONNECTED, manager.state());
    }

    @Test
    void failuresInARowMakeTheStateUnavailableAfterTenSecondsAndItStaysSo() {
        manager();
        manager.connect();
        for (int i = 0; i < 8; i++) {
            time.runUntilIdle();
            ws.last().open();
            int before = ws.sockets().size();
            ws.last().serverClose(4100, "over capacity");
            time.runUntilIdle();
            untilANewSocketOpens(before);
        }
        assertEquals(List.of(CONNECTING, UNAVAILABLE), states, "no connection for 10 s: unavailable, and no flapping");
    }

    @Test
    void connectCalledDuringABackoffWaitConnectsAtOnce() {
        manager();
        manager.connect();
        closedAtOnce(4200, 6);
        time.runUntilIdle();
        ws.last().establish("7.7", 120);
        time.runUntilIdle();
        ws.last().serverClose(4200, "closing");
        time.runUntilIdle();
        assertEquals(10_485L, connectingIn.get(connectingIn.size() - 1), "the seventh close in a row waits 10.5 s");
        int sockets = ws.sockets().size();
        time.advanceBy(1_000);
        manager.connect();
        time.runUntilIdle();
        assertEquals(sockets + 1, ws.sockets().size(), "the user's connect() does not wait out the 10.5 s");
    }

    @Test
    void connectCalledRightAfterEachFailureMakesAtMostAnAttemptASecond() {
        manager();
        manager.connect();
        closedAtOnce(4200, 3); // escalating now: the next wait is 2.56 s
        time.runUntilIdle();
        int sockets = ws.sockets().size();
        manager.connect(); // as an error listener would, at the instant of the failure
        time.runUntilIdle();
        assertEquals(sockets, ws.sockets().size(), "not at once: the backoff would be undone");
        time.advanceBy(999);
        assertEquals(sockets, ws.sockets().size());
        time.advanceBy(1);
        assertEquals(sockets + 1, ws.sockets().size(), "a second after the failure, not 2.56 s");
    }

    @Test
    void errorWithoutCodeInTheHandshakeBacksOff() {
        manager();
        manager.connect();
        time.runUntilIdle();
        ws.last().open();
        ws.last().receive("{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\"?\"}}");
        time.runUntilIdle();
        assertEquals(List.of(1_000L), connectingIn);
    }

    @Test
    void anUnexpectedFirstFrameIsAHandshakeErrorThatBacksOff() {
        manager();
        manager.connect();
        time.runUntilIdle();
        ws.last().open();
        ws.last().receive("{\"event\":\"hello\"}");
        time.runUntilIdle();
        assertEquals(ConnectionError.Type.HANDSHAKE_ERROR, errors.get(0).type());
        assertEquals(List.of(1_000L), connectingIn);
        time.advanceBy(1_000);
        assertEquals(2, ws.sockets().size());
    }

    @Test
    void retryCodesReconnectAtOnce() {
        manager();
        connected("1.1", 120);
        ws.last().serverClose(4200, "restart");
        time.runUntilIdle();
        assertEquals(2, ws.sockets().size());
        assertTrue(connectingIn.isEmpty());
    }

    @Test
    void pingsAfterTheActivityTimeoutAndReconnectsWhenNoPongComes() {
        manager();
        connected("1.1", 120);
        time.advanceBy(119_999);
        assertTrue(ws.last().sent().isEmpty());
        time.advanceBy(1);
        assertEquals(
                List.of("{\"event\":\"pusher:ping\",\"data\":{}}"), ws.last().sent());
        time.advanceBy(29_999);
        assertEquals(CONNECTED, manager.state());
        time.advanceBy(1);
        assertEquals(CONNECTING, manager.state());
        assertTrue(ws.sockets().get(0).isClosedByClient());
        assertEquals(2, ws.sockets().size());
        ConnectionError reported = errors.get(errors.size() - 1);
        assertEquals(ConnectionError.Type.TRANSPORT_ERROR, reported.type());
        assertTrue(reported.message().contains("no reply to a ping within 30000 ms"), reported.message());
    }

    /** pusher-js computes activity_timeout * 1000 with JavaScript's coercion: "1" and 0.5 count. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"\\\"1\\\"|1000", "0.5|500", "\\\" 30 \\\"|30000", "\\\"soon\\\"|120000", "0|120000", "-5|120000"})
    void activityTimeoutAsAFractionOrANumericStringCountsAsInPusherJs(String value, long expected) {
        manager();
        manager.connect();
        time.runUntilIdle();
        ws.last().open();
        ws.last()
                .receive("{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\"1.1\\\","
                        + "\\\"activity_timeout\\\":" + value + "}\"}");
        time.runUntilIdle();
        assertEquals(CONNECTED, manager.state());
        assertEquals(expected, manager.activityTimeout());
    }

    @Test
    void connectDuringTheRetryWaitConnectsOnceAndTheRetryTimerNoLongerFires() {
        manager();
        connected("1.1", 120);
        ws.last().serverClose(1006, "gone");
        time.runUntilIdle();
        assertEquals(List.of(1_000L), connectingIn);
        manager.connect(); // a "reconnect now" button, or a CONNECTING listener calling connect()
        time.runUntilIdle();
        assertEquals(2, ws.sockets().size());
        ws.last().establish("2.2", 120);
        time.runUntilIdle();
        time.advanceBy(5_000);
        assertEquals(2, ws.sockets().size(), "the scheduled retry did not tear the new connection down");
        assertEquals(List.of(CONNECTING, CONNECTED, CONNECTING, CONNECTED), states);
        assertFalse(ws.sockets().get(1).isClosedByClient());
    }

    @Test
    void theLateCloseOfASocketAbandonedAfterAPongTimeoutIsIgnored() {
        manager();
        connected("1.1", 120);
        time.advanceBy(150_000);
        assertEquals(CONNECTING, manager.state());
        assertEquals(2, ws.sockets().size(), "reconnected at once after the pong timeout");
        ws.sockets().get(0).serverClose(1006, "late close of the dead socket");
        time.runUntilIdle();
        assertTrue(connectingIn.isEmpty(), "the late close of the abandoned socket is ignored");
    }

    @Test
    void anyMessageResetsTheActivityTimer() {
        manager();
        connected("1.1", 120);
        time.advanceBy(100_000);
        ws.last().receive("{\"event\":\"x\",\"channel\":\"c\",\"data\":\"{}\"}");
        time.advanceBy(100_000);
        assertTrue(ws.last().sent().isEmpty());
        time.advanceBy(20_000);
        assertEquals(1, ws.last().sent().size());
        ws.last().receive("{\"event\":\"pusher:pong\",\"data\":{}}");
        time.advanceBy(60_000);
        assertEquals(CONNECTED, manager.state(), "the pong cancelled the pong timeout");
        time.advanceBy(59_999);
        assertEquals(1, ws.last().sent().size());
        time.advanceBy(1);
        assertEquals(2, ws.last().sent().size(), "the next ping comes a full activity timeout after the pong");
    }

    @Test
    void serverPingIsAnsweredWithPong() {
        manager();
        connected("1.1", 120);
        ws.last().receive("{\"event\":\"pusher:ping\",\"data\":{}}");
        time.runUntilIdle();
        assertEquals(
                List.of("{\"event\":\"pusher:pong\",\"data\":{}}"), ws.last().sent());
    }

    @Test
    void networkOnlineRetriesAtOnceAndOfflineChecksTheConnection() {
        manager();
        manager.connect();
        time.advanceBy(3_000);
        manager.networkOnline();
        time.runUntilIdle();
        assertEquals(2, ws.sockets().size());
        ws.last().establish("1.1", 120);
        time.runUntilIdle();
        manager.networkOffline();
        time.runUntilIdle();
        assertEquals(
                List.of("{\"event\":\"pusher:ping\",\"data\":{}}"), ws.last().sent());
    }

    @Test
    void malformedFramesAreReportedAndDropped() {
        manager();
        connected("1.1", 120);
        ws.last().receive("{not json");
        ws.last().receive("{\"data\":{}}");
        ws.last().receive("{\"event\":\"ok\",\"data\":\"x\"}");
        time.runUntilIdle();
        assertEquals(
                2,
                errors.stream()
                        .filter(e -> e.type() == ConnectionError.Type.MESSAGE_PARSE_ERROR)
                        .count());
        assertEquals(List.of("ok"), frames.stream().map(Frame::eventName).toList());
        assertEquals(CONNECTED, manager.state());
    }

    @Test
    void pusherErrorFrameOnAnOpenConnectionIsReportedWithoutStateChange() {
        manager();
        connected("1.1", 120);
        ws.last().receive("{\"event\":\"pusher:error\",\"data\":{\"code\":4301,\"message\":\"rate limit\"}}");
        time.runUntilIdle();
        assertEquals(4301, errors.get(0).code().getAsInt());
        assertEquals(List.of(CONNECTING, CONNECTED), states);
    }

    @Test
    void transportFailuresAreReportedWithTheTransportName() {
        manager();
        manager.connect();
        time.runUntilIdle();
        ws.last().fail("Connection refused");
        time.runUntilIdle();
        ConnectionError e = errors.get(0);
        assertEquals(ConnectionError.Type.TRANSPORT_ERROR, e.type());
        assertEquals("ws", e.transport().orElseThrow());
        assertTrue(e.message().contains("Connection refused"), e.message());
        assertEquals(List.of(CONNECTING), states, "a failed attempt waits for the next one");
    }
}
