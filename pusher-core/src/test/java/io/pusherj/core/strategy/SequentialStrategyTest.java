package io.pusherj.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.core.connection.HandshakeResult;
import io.pusherj.core.runtime.Clock;
import io.pusherj.testkit.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pusher-js's {@code sequential_strategy_spec.js}, on virtual time with stub children. */
class SequentialStrategyTest {
    final VirtualScheduler time = new VirtualScheduler();
    final Clock clock = new Clock(time, time);
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
                clock.defer(callback::onFailure);
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

    @Test
    void failFastMovesOnAtOnceAndReportsFailureAfterTheLast() {
        new SequentialStrategy(List.of(failing("a"), failing("b")), clock,
                new SequentialStrategy.Options(false, true, 0, 0)).connect(0, counting());
        time.runUntilIdle();
        assertEquals(List.of("a@0", "b@0"), log);
        assertEquals(1, failures);
    }

    @Test
    void withoutFailFastAFailureWaitsForTheTimeoutWhichDoubles() {
        new SequentialStrategy(List.of(failing("a"), failing("b"), failing("c")), clock,
                new SequentialStrategy.Options(false, false, 1_000, 0)).connect(0, counting());
        time.advanceBy(10_000);
        assertEquals(List.of("a@0", "b@1000", "c@3000"), log);
        assertEquals(1, failures);
    }

    @Test
    void loopWrapsAroundForeverWithTheTimeoutCapped() {
        StrategyRunner r = new SequentialStrategy(List.of(failing("a")), clock,
                new SequentialStrategy.Options(true, false, 1_000, 3_000)).connect(0, counting());
        time.advanceBy(13_000);
        assertEquals(List.of("a@0", "a@1000", "a@3000", "a@6000", "a@9000", "a@12000"), log);
        r.abort();
        time.advanceBy(100_000);
        assertEquals(6, log.size());
        assertEquals(0, failures);
    }
}
