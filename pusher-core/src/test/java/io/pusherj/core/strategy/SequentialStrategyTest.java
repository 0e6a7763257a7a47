package io.pusherj.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.ReconnectBackoff;
import io.pusherj.core.connection.HandshakeResult;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.testkit.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pusher-js's {@code sequential_strategy_spec.js}, on virtual time with stub children. */
class SequentialStrategyTest {
    final VirtualScheduler time = new VirtualScheduler();
    final ClientLoop loop = new ClientLoop(time, time);
    final List<String> log = new ArrayList<>();
    int failures;

    /** A child that logs its attempts and fails at once. */
    Strategy failing(String name) {
        return new Strategy() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public StrategyRunner connect(int minPriority, StrategyCallback callback) {
                log.add(name + "@" + time.nowMillis());
                loop.defer(callback::onFailure);
                return StrategyRunner.NONE;
            }
        };
    }

    StrategyCallback counting() {
        return new StrategyCallback() {
            @Override
            public void onFailure() {
                failures++;
            }

            @Override
            public void onHandshake(HandshakeResult result) {
                log.add("handshake");
            }
        };
    }

    /** A looping strategy over {@code child} with the default backoff, jitter source {@code random}, started. */
    StrategyRunner backoffLoop(Strategy child, double random) {
        return new SequentialStrategy(
                        List.of(child),
                        loop,
                        SequentialStrategy.Options.DEFAULT_LOOP.withBackoff(ReconnectBackoff.DEFAULT),
                        () -> random)
                .connect(0, counting());
    }

    @Test
    void failFastMovesOnAtOnceAndReportsFailureAfterTheLast() {
        new SequentialStrategy(
                        List.of(failing("a"), failing("b")), loop, new SequentialStrategy.Options(false, true, 0, 0))
                .connect(0, counting());
        time.runUntilIdle();
        assertEquals(List.of("a@0", "b@0"), log);
        assertEquals(1, failures);
    }

    @Test
    void withoutFailFastAFailureWaitsForTheTimeoutWhichDoubles() {
        new SequentialStrategy(
                        List.of(failing("a"), failing("b"), failing("c")),
                        loop,
                        new SequentialStrategy.Options(false, false, 1_000, 0))
                .connect(0, counting());
        time.advanceBy(10_000);
        assertEquals(List.of("a@0", "b@1000", "c@3000"), log);
        assertEquals(1, failures);
    }

    @Test
    void loopWrapsAroundForeverWithTheTimeoutCapped() {
        StrategyRunner r = new SequentialStrategy(
                        List.of(failing("a")), loop, new SequentialStrategy.Options(true, false, 1_000, 3_000))
                .connect(0, counting());
        time.advanceBy(13_000);
        assertEquals(List.of("a@0", "a@1000", "a@3000", "a@6000", "a@9000", "a@12000"), log);
        r.abort();
        time.advanceBy(100_000);
        assertEquals(6, log.size());
        assertEquals(0, failures);
    }

    /**
     * With backoff a refused attempt is retried after the backoff's wait (1 s, 1.6 s, 2.56 s, ...) while that
     * comes before the loop's budget ends, so a server back after a few seconds is found within a few
     * seconds instead of when pusher-js's 15 s budget runs out; the budget itself is jittered.
     */
    @Test
    void withBackoffAnEarlyFailureIsRetriedAfterTheBackoffNotTheWholeBudget() {
        StrategyRunner r = backoffLoop(failing("ws"), 0.5);
        time.advanceBy(30_000);
        assertEquals(List.of("ws@0", "ws@1000", "ws@2600", "ws@5160", "ws@9256", "ws@15809", "ws@26294"), log);
        r.abort();
    }

    @Test
    void withBackoffTheWaitsAreJitteredSoClientsDoNotRetryInStep() {
        List<String> low = new ArrayList<>();
        backoffLoop(failing("ws"), 0.0);
        time.advanceBy(3_000);
        low.addAll(log);
        assertEquals(List.of("ws@0", "ws@800", "ws@2080"), low, "waits × 0.8");
    }

    @Test
    void withBackoffAHangingAttemptStillEndsWithItsBudget() {
        Strategy hanging = refusingThenHanging(0);
        backoffLoop(hanging, 0.5);
        time.advanceBy(50_000);
        assertEquals(
                List.of("hang@0", "hang@15000", "hang@45000"), log, "15 s, then 30 s, as pusher-js (no jitter at 0.5)");
    }

    /** Fails its first {@code refusals} attempts at once, then hangs (a server refusing, then silent). */
    Strategy refusingThenHanging(int refusals) {
        return new Strategy() {
            int attempts;

            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public StrategyRunner connect(int minPriority, StrategyCallback callback) {
                if (attempts++ < refusals) {
                    log.add("refused@" + time.nowMillis());
                    loop.defer(callback::onFailure);
                } else {
                    log.add("hang@" + time.nowMillis());
                }
                return StrategyRunner.NONE;
            }
        };
    }

    @Test
    void withBackoffEarlyRetriesDoNotDoubleTheBudgetSoAHangAfterRefusalsEndsAfter15Seconds() {
        backoffLoop(refusingThenHanging(2), 0.5);
        time.advanceBy(50_000);
        assertEquals(
                List.of("refused@0", "refused@1000", "hang@2600", "hang@17600", "hang@47600"),
                log,
                "the hanging try keeps the first 15 s budget; only budgets that ran out double (30 s next)");
    }

    @Test
    void withBackoffATryThatHungForItsBudgetEndsTheRefusalsInARow() {
        Strategy refusedTwiceHungThenRefused = new Strategy() {
            int attempts;

            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public StrategyRunner connect(int minPriority, StrategyCallback callback) {
                if (attempts++ == 2) {
                    log.add("hang@" + time.nowMillis());
                } else {
                    log.add("refused@" + time.nowMillis());
                    loop.defer(callback::onFailure);
                }
                return StrategyRunner.NONE;
            }
        };
        StrategyRunner r = backoffLoop(refusedTwiceHungThenRefused, 0.5);
        time.advanceBy(19_000);
        r.abort();
        assertEquals(
                List.of("refused@0", "refused@1000", "hang@2600", "refused@17600", "refused@18600"),
                log,
                "after the hang the waits start over at 1 s, not at 4.1 s");
    }

    @Test
    void retryNowMakesTheRetryWaitingOutTheBackoffAtOnce() {
        StrategyRunner r = backoffLoop(failing("ws"), 0.5);
        time.advanceBy(2_100); // ws@0, ws@1000, now waiting 1.6 s, until 2.6 s
        r.retryNow();
        time.runUntilIdle();
        assertEquals(List.of("ws@0", "ws@1000", "ws@2100"), log);
        time.advanceBy(2_559);
        assertEquals(List.of("ws@0", "ws@1000", "ws@2100"), log, "the next wait follows the backoff (2.56 s)");
        time.advanceBy(1);
        assertEquals(List.of("ws@0", "ws@1000", "ws@2100", "ws@4660"), log);
        r.abort();
    }

    @Test
    void retryNowRightAfterARefusalWaitsOneSecondSoConnectInAnErrorListenerCannotStorm() {
        StrategyRunner r = backoffLoop(failing("ws"), 0.5);
        time.advanceBy(1_000); // ws@0, ws@1000 refused at once; the backoff's wait is 1.6 s
        for (int i = 0; i < 5; i++) {
            r.retryNow();
            time.runUntilIdle();
        }
        assertEquals(List.of("ws@0", "ws@1000"), log);
        time.advanceBy(1_000);
        assertEquals(List.of("ws@0", "ws@1000", "ws@2000"), log, "1 s after the refusal, not at once nor at 2.6 s");
        r.abort();
    }

    @Test
    void retryNowAlsoEndsARefusedTryWaitingOutItsBudget() {
        StrategyRunner r = backoffLoop(failing("ws"), 0.5);
        time.advanceBy(30_000); // ws@26294 refused: the 16.8 s wait outlasts the budget, which ends at 41.3 s
        r.retryNow();
        time.runUntilIdle();
        assertEquals("ws@30000", log.get(log.size() - 1));
        r.abort();
    }

    @Test
    void withBackoffAHangingTryWaitsItsJitteredBudgetUpTo20PercentLonger() {
        Strategy hanging = refusingThenHanging(0);
        StrategyRunner r = backoffLoop(hanging, 0.999_999);
        time.advanceBy(60_000);
        r.abort();
        assertEquals(List.of("hang@0", "hang@18000", "hang@54000"), log, "15 s and 30 s × 1.2");
    }

    @Test
    void withBackoffARefusedTryWhoseWaitOutlastsItsBudgetKeepsEscalating() {
        StrategyRunner r = backoffLoop(failing("ws"), 0.5);
        time.advanceBy(70_000);
        r.abort();
        // The 7th wait, 16.8 s, does not fit in the 15 s budget: the try waits it out (41.3 s), the budget
        // doubles, and the count goes on: the next wait is the 8th, 26.8 s, not 1 s again.
        assertEquals(
                List.of(
                        "ws@0",
                        "ws@1000",
                        "ws@2600",
                        "ws@5160",
                        "ws@9256",
                        "ws@15809",
                        "ws@26294",
                        "ws@41294",
                        "ws@68137"),
                log);
    }

    @Test
    void withBackoffAbortDuringTheWaitMeansNoFurtherAttempt() {
        StrategyRunner r = backoffLoop(failing("ws"), 0.5);
        time.advanceBy(500);
        r.abort();
        time.advanceBy(120_000);
        assertEquals(List.of("ws@0"), log);
        assertEquals(0, failures, "an aborted run reports nothing");
    }
}
