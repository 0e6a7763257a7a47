package io.pusherj.core;

import io.pusherj.core.runtime.InboundQueue;
import io.pusherj.core.runtime.SerialExecutor;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Runs listener callbacks: on the client's strand, or, when the user gave a callback executor, on a
 * serial strand over that executor so events keep their order. Callbacks never run under a lock. A frame
 * whose callbacks wait for the user's executor stays counted in the client's {@link InboundQueue}, so the
 * bound on received frames holds on either path.
 */
final class Delivery {
    private final Executor target;
    private final InboundQueue inbound;

    Delivery(Optional<Executor> userExecutor, InboundQueue inbound) {
        this.target = userExecutor.<Executor>map(SerialExecutor::new).orElse(null);
        this.inbound = inbound;
    }

    /** Runs {@code callbacks} (called on the strand). */
    void run(Runnable callbacks) {
        if (target == null) {
            callbacks.run();
            return;
        }
        Runnable done = inbound.holdCurrentFrame();
        target.execute(
                () -> { // a strand: queues, never refuses
                    try {
                        callbacks.run();
                    } finally {
                        done.run();
                    }
                });
    }
}
