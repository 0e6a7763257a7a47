package io.pusherj.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.TransportCache;
import io.pusherj.core.connection.HandshakeResult;
import io.pusherj.core.protocol.CloseAction;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.testkit.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * pusher-js's specs of the small strategies (best_connected_ever, delayed, first_connected, if), with
 * stub children whose outcome the test decides.
 */
class CombinatorsTest {
    final VirtualScheduler time = new VirtualScheduler();
    final ClientLoop loop = new ClientLoop(time, time);
    final List<String> outcome = new ArrayList<>();

    /** A child strategy the test completes by hand. */
    final class Stub implements Strategy {
        final String name;
        final int priority;
        boolean supported = true;
        StrategyCallback callback;
        int started;
        boolean aborted;
        int retriedNow;
        int forcedTo = -1;

        Stub(String name, int priority) {
            this.name = name;
            this.priority = priority;
        }

        @Override
        public boolean isSupported() {
            return supported;
        }

        @Override
        public StrategyRunner connect(int minPriority, StrategyCallback cb) {
            started++;
            callback = cb;
            return new StrategyRunner() {
                @Override
                public void abort() {
                    aborted = true;
                }

                @Override
                public void forceMinPriority(int p) {
                    forcedTo = p;
                }

                @Override
                public void retryNow() {
                    retriedNow++;
                }
            };
        }

        void succeed() {
            callback.onHandshake(new HandshakeResult(CloseAction.BACKOFF, null, Optional.empty(), priority, name));
        }

        void fail() {
            callback.onFailure();
        }
    }

    StrategyCallback recorder() {
        return new StrategyCallback() {
            @Override
            public void onFailure() {
                outcome.add("failure");
            }

            @Override
            public void onHandshake(HandshakeResult result) {
                outcome.add("handshake@" + result.priority());
            }
        };
    }

    @Test
    void bestConnectedEverForcesTheOthersToTheWinnersPriorityAndFailsOnlyWhenAllFail() {
        Stub a = new Stub("a", 1);
        Stub b = new Stub("b", 3);
        new BestConnectedEverStrategy(List.of(a, b)).connect(0, recorder());
        a.fail();
        assertEquals(List.of(), outcome);
        b.succeed();
        assertEquals(List.of("handshake@3"), outcome);
        assertEquals(3, a.forcedTo);

        Stub c = new Stub("c", 1);
        Stub d = new Stub("d", 1);
        new BestConnectedEverStrategy(List.of(c, d)).connect(0, recorder());
        c.fail();
        d.fail();
        assertEquals(List.of("handshake@3", "failure"), outcome);
    }

    @Test
    void bestConnectedEverIsSupportedIfAnyChildIs() {
        Stub a = new Stub("a", 1);
        Stub b = new Stub("b", 1);
        a.supported = false;
        assertTrue(new BestConnectedEverStrategy(List.of(a, b)).isSupported());
        b.supported = false;
        assertFalse(new BestConnectedEverStrategy(List.of(a, b)).isSupported());
    }

    @Test
    void delayedStartsAfterTheDelayAndAbortBeforeMeansNever() {
        Stub a = new Stub("a", 1);
        new DelayedStrategy(a, 2_000, loop).connect(0, recorder());
        time.advanceBy(1_999);
        assertEquals(0, a.started);
        time.advanceBy(1);
        assertEquals(1, a.started);

        Stub b = new Stub("b", 1);
        new DelayedStrategy(b, 2_000, loop).connect(0, recorder()).abort();
        time.advanceBy(10_000);
        assertEquals(0, b.started);
    }

    @Test
    void delayedPassesAPriorityRaisedWhileWaiting() {
        Stub a = new Stub("a", 1);
        int[] minSeen = {-1};
        Strategy spy = new Strategy() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public StrategyRunner connect(int minPriority, StrategyCallback cb) {
                minSeen[0] = minPriority;
                return a.connect(minPriority, cb);
            }
        };
        new DelayedStrategy(spy, 1_000, loop).connect(0, recorder()).forceMinPriority(3);
        time.advanceBy(1_000);
        assertEquals(3, minSeen[0]);
    }

    @Test
    void retryNowReachesEveryRunningChildButNotADelayedOneThatHasNotStarted() {
        Stub a = new Stub("a", 3);
        Stub b = new Stub("b", 1);
        StrategyRunner r = new CachedStrategy(
                        new FirstConnectedStrategy(
                                new BestConnectedEverStrategy(List.of(a, new DelayedStrategy(b, 2_000, loop)))),
                        Map.of(),
                        TransportCache.inMemory(),
                        "key",
                        loop)
                .connect(0, recorder());
        time.runUntilIdle();
        r.retryNow();
        assertEquals(1, a.retriedNow);
        assertEquals(0, b.retriedNow, "b's delay is the order of transports, not a backoff");
        time.advanceBy(2_000);
        r.retryNow();
        assertEquals(2, a.retriedNow);
        assertEquals(1, b.retriedNow);
        r.abort();
    }

    @Test
    void firstConnectedAbortsTheRestOnTheFirstHandshake() {
        Stub a = new Stub("a", 3);
        new FirstConnectedStrategy(a).connect(0, recorder());
        a.succeed();
        assertTrue(a.aborted);
        assertEquals(List.of("handshake@3"), outcome);
    }

    @Test
    void ifChoosesItsBranchEachTime() {
        Stub yes = new Stub("yes", 1);
        Stub no = new Stub("no", 1);
        boolean[] test = {true};
        IfStrategy s = new IfStrategy(() -> test[0], yes, no);
        s.connect(0, recorder());
        test[0] = false;
        s.connect(0, recorder());
        assertEquals(1, yes.started);
        assertEquals(1, no.started);
    }
}
