package io.pusherj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff option: its default, how a client turns it off, and the values it refuses, with why. */
class ReconnectBackoffTest {
    static final Duration SECOND = Duration.ofSeconds(1);
    static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void clientsBackOffByDefaultAndPusherJsTimingTurnsItOff() {
        assertEquals(
                ReconnectBackoff.DEFAULT,
                PusherOptions.builder().build().reconnectBackoff().orElseThrow());
        assertEquals(new ReconnectBackoff(SECOND, 1.6, 0.2, MINUTE), ReconnectBackoff.DEFAULT);
        assertTrue(PusherOptions.builder()
                .pusherJsReconnectTiming()
                .build()
                .reconnectBackoff()
                .isEmpty());
        assertEquals(
                new ReconnectBackoff(Duration.ofMillis(500), 2, 0, SECOND),
                PusherOptions.builder()
                        .pusherJsReconnectTiming()
                        .reconnectBackoff(Duration.ofMillis(500), 2, 0, SECOND)
                        .build()
                        .reconnectBackoff()
                        .orElseThrow(),
                "the last call wins");
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheirName() {
        assertMessage("initial must be at least 1 ms", () -> new ReconnectBackoff(Duration.ZERO, 1.6, 0.2, MINUTE));
        assertMessage(
                "initial must be at least 1 ms",
                () -> new ReconnectBackoff(Duration.ofNanos(999_999), 1.6, 0.2, MINUTE));
        assertMessage("multiplier must be at least 1", () -> new ReconnectBackoff(SECOND, 0.5, 0.2, MINUTE));
        assertMessage("multiplier must be at least 1", () -> new ReconnectBackoff(SECOND, Double.NaN, 0.2, MINUTE));
        assertMessage(
                "multiplier must be at least 1",
                () -> new ReconnectBackoff(SECOND, Double.POSITIVE_INFINITY, 0.2, MINUTE));
        assertMessage("jitter must be from 0", () -> new ReconnectBackoff(SECOND, 1.6, -0.1, MINUTE));
        assertMessage("jitter must be from 0", () -> new ReconnectBackoff(SECOND, 1.6, 1, MINUTE));
        assertMessage("max must be at least initial", () -> new ReconnectBackoff(MINUTE, 1.6, 0.2, SECOND));
        assertMessage("max must be at most", () -> new ReconnectBackoff(SECOND, 1.6, 0.2, Duration.ofDays(2)));
        assertMessage(
                "max must be at most",
                () -> new ReconnectBackoff(SECOND, 1.6, 0.2, Duration.ofSeconds(Long.MAX_VALUE)));
        assertMessage(
                "initial must be at least 1 ms",
                () -> PusherOptions.builder().reconnectBackoff(Duration.ofMillis(-1), 1.6, 0.2, MINUTE));
        assertThrows(NullPointerException.class, () -> new ReconnectBackoff(null, 1.6, 0.2, MINUTE));
        assertThrows(NullPointerException.class, () -> new ReconnectBackoff(SECOND, 1.6, 0.2, null));
        assertThrows(NullPointerException.class, () -> PusherOptions.builder().reconnectBackoff(null));
    }

    @Test
    void aHugeInitialIsRefusedByItsCapNotByAnOverflow() {
        assertMessage(
                "max must be at least initial",
                () -> new ReconnectBackoff(Duration.ofSeconds(Long.MAX_VALUE), 1.6, 0.2, MINUTE));
    }

    static void assertMessage(String start, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
