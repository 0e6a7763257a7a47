package io.pusherj.core.strategy;

import io.pusherj.api.ReconnectBackoff;
import io.pusherj.core.connection.HandshakeResult;
import io.pusherj.core.runtime.BackoffSchedule;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.core.runtime.Timer;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Tries strategies one after another (pusher-js {@code sequential_strategy.ts}). Each try gets a timer;
 * when it expires the try is aborted and the next starts; the timeout doubles after each try, capped at
 * {@code timeoutLimit}. With {@code loop} it wraps around forever. Without {@code failFast} a failure
 * is only acted on when the timer expires, which paces the retries.
 *
 * <p>With a {@link ReconnectBackoff} (pusherj's default; the default tree gives it to the loop that runs
 * first only) the budgets get the backoff's jitter, so clients do not retry in step, and a try that fails
 * early (a refused connection) is followed by the next after the backoff's wait for that many refusals in a row, if
 * that comes before the try's budget ends: a server back after a few seconds is found within a few
 * seconds, not when pusher-js's 15 s budget runs out. Such a retry keeps the budget it had (only a budget
 * that ran out doubles), so a server that refuses for a moment and then hangs is given up after 15 s as in
 * pusher-js, not 60 s. A try that hangs for its whole budget ends the refusals in a row.
 */
public final class SequentialStrategy implements Strategy {
    private final List<Strategy> strategies;
    private final ClientLoop clientLoop;
    private final boolean loop;
    private final boolean failFast;
    private final long timeout;
    private final long timeoutLimit;
    private final BackoffSchedule backoff;
    private final boolean earlyRetries;
    private final DoubleSupplier random;
    /**
     * Tries refused before their budget ended, in a row (early retries only). Kept by the loop, not by one
     * run of it: an outer loop restarting this one (its budget ran out) does not start the backoff over.
     * A handshake, or a try that hung for its whole budget, ends the row. Strand only.
     */
    private int refusalsInARow;

    /**
     * Creates the strategy.
     *
     * @param strategies the strategies to try, in order
     * @param clientLoop the strand and timer
     * @param options loop, failFast, timeout (0 = none) and timeoutLimit (0 = none)
     */
    public SequentialStrategy(List<Strategy> strategies, ClientLoop clientLoop, Options options) {
        this(strategies, clientLoop, options, () -> ThreadLocalRandom.current().nextDouble());
    }

    SequentialStrategy(List<Strategy> strategies, ClientLoop clientLoop, Options options, DoubleSupplier random) {
        this.backoff = options.backoff() == null ? null : new BackoffSchedule(options.backoff());
        this.earlyRetries = options.earlyRetries() && backoff != null;
        this.random = random;
        this.strategies = List.copyOf(strategies);
        this.clientLoop = clientLoop;
        this.loop = options.loop();
        this.failFast = options.failFast();
        this.timeout = options.timeout();
        this.timeoutLimit = options.timeoutLimit();
    }

    /**
     * The options of a sequential strategy.
     *
     * @param loop wrap around forever
     * @param failFast move on at once after a failure
     * @param timeout the first try's time budget in ms, 0 for none
     * @param timeoutLimit the cap of the doubling budget in ms, 0 for none
     * @param backoff the jitter of the budgets and the waits of early retries, or null for pusher-js's
     *                pacing
     * @param earlyRetries whether a try that fails early is retried after the backoff's wait instead of
     *                     waiting out its budget (needs {@code backoff}; {@link #withBackoff} sets both)
     */
    public record Options(
            boolean loop,
            boolean failFast,
            long timeout,
            long timeoutLimit,
            ReconnectBackoff backoff,
            boolean earlyRetries) {
        /** pusher-js's common loop options: loop, 15 s doubling up to 60 s (default_strategy.ts). */
        public static final Options DEFAULT_LOOP = new Options(true, false, 15_000, 60_000, null, false);

        /** Options without backoff (pusher-js's pacing). */
        public Options(boolean loop, boolean failFast, long timeout, long timeoutLimit) {
            this(loop, failFast, timeout, timeoutLimit, null, false);
        }

        /** {@return these options with jittered budgets and early retries on {@code b} (null: pusher-js's pacing)} */
        public Options withBackoff(ReconnectBackoff b) {
            return new Options(loop, failFast, timeout, timeoutLimit, b, b != null);
        }
    }

    @Override
    public boolean isSupported() {
        return strategies.stream().anyMatch(Strategy::isSupported);
    }

    @Override
    public StrategyRunner connect(int minPriority, StrategyCallback callback) {
        return new Run(minPriority, callback).start();
    }

    private final class Run implements StrategyRunner {
        private final StrategyCallback callback;
        private int minPriority;
        private int current;
        private long currentTimeout = timeout;
        private StrategyRunner runner;
        private Timer timer;
        private boolean finished;
        /** Whether {@link #timer} is the wait before an early retry (not a try's budget). */
        private boolean waitingToRetry;
        /** When that wait ends. */
        private long retryAtMillis;
        /** Whether the current try failed (and now waits, for a retry or out its budget). */
        private boolean currentFailed;
        /** When it failed. */
        private long failedAtMillis;

        Run(int minPriority, StrategyCallback callback) {
            this.minPriority = minPriority;
            this.callback = callback;
        }

        Run start() {
            tryCurrent();
            return this;
        }

        private void tryCurrent() {
            Strategy strategy = strategies.get(current);
            long budget = backoff == null ? currentTimeout : backoff.jittered(currentTimeout, random.getAsDouble());
            long budgetEnds = clientLoop.now() + budget;
            if (budget > 0) {
                timer = clientLoop.start(budget, () -> {
                    runner.abort();
                    if (!currentFailed) {
                        refusalsInARow = 0; // a try that hung for its whole budget ends the refusals in a row
                    }
                    next(true);
                });
            } else {
                timer = null;
            }
            Timer myTimer = timer;
            currentFailed = false;
            runner = strategy.connect(minPriority, new StrategyCallback() {
                @Override
                public void onFailure() {
                    if (finished) {
                        return;
                    }
                    currentFailed = true;
                    failedAtMillis = clientLoop.now();
                    if (myTimer != null && myTimer.isRunning() && !failFast) {
                        if (earlyRetries) {
                            retryEarly(myTimer, budgetEnds);
                        }
                        return; // move on when the timer expires, not before (pusher-js)
                    }
                    if (myTimer != null) {
                        myTimer.cancel();
                    }
                    next(true);
                }

                @Override
                public void onHandshake(HandshakeResult result) {
                    if (finished) {
                        return;
                    }
                    if (myTimer != null) {
                        myTimer.cancel();
                    }
                    finished = true;
                    refusalsInARow = 0;
                    callback.onHandshake(result);
                }
            });
        }

        /** With backoff: the next try after the backoff's wait, when that comes before the budget ends. */
        private void retryEarly(Timer budgetTimer, long budgetEnds) {
            refusalsInARow = refusalsInARow == Integer.MAX_VALUE ? refusalsInARow : refusalsInARow + 1;
            long wait = backoff.jittered(backoff.delayMillis(refusalsInARow + 1), random.getAsDouble());
            if (clientLoop.now() + wait < budgetEnds) {
                budgetTimer.cancel();
                retryIn(wait);
            }
        }

        /** The next try in {@code wait} ms, a new try with the same budget, not a doubled one. */
        private void retryIn(long wait) {
            if (wait <= 0) {
                waitingToRetry = false;
                next(false);
                return;
            }
            waitingToRetry = true;
            retryAtMillis = clientLoop.now() + wait;
            timer = clientLoop.start(wait, () -> {
                waitingToRetry = false;
                if (!finished) {
                    next(false);
                }
            });
        }

        /** The next try; its budget doubles unless this one only stopped early to retry (backoff). */
        private void next(boolean doubleBudget) {
            current++;
            if (loop) {
                current %= strategies.size();
            }
            if (current < strategies.size()) {
                if (doubleBudget && currentTimeout > 0) {
                    currentTimeout *= 2;
                    if (timeoutLimit > 0) {
                        currentTimeout = Math.min(currentTimeout, timeoutLimit);
                    }
                }
                tryCurrent();
            } else {
                finished = true;
                callback.onFailure();
            }
        }

        @Override
        public void abort() {
            finished = true;
            if (timer != null) {
                timer.cancel();
            }
            runner.abort();
        }

        @Override
        public void forceMinPriority(int p) {
            minPriority = p;
            runner.forceMinPriority(p);
        }

        @Override
        public void retryNow() {
            if (finished) {
                return;
            }
            if (!earlyRetries || !currentFailed) {
                runner.retryNow(); // a try under way goes on: it is the "at once" asked for
                return;
            }
            long earliest = failedAtMillis + BackoffSchedule.CONNECT_FLOOR_MILLIS;
            if (waitingToRetry && retryAtMillis <= earliest) {
                return; // the backoff's own wait ends first
            }
            if (timer != null) {
                timer.cancel(); // the wait, or the budget a refused try was waiting out
            }
            retryIn(earliest - clientLoop.now());
        }
    }
}
