package io.pusherj.core;

import io.pusherj.core.runtime.SerialExecutor;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Runs listener callbacks: on the client's strand, or, when the user gave a callback executor, on a
 * serial strand over that executor so events keep their order. Callbacks never run under a lock.
 */
final class Delivery {
    private final Executor target;

    Delivery(Optional<Executor> userExecutor) {
        this.target = userExecutor.<Executor>map(SerialExecutor::new).orElse(null);
    }

    /** Runs {@code callbacks} (called on the strand). */
    void run(Runnable callbacks) {
        if (target == null) {
            callbacks.run();
        } else {
            target.execute(callbacks);
        }
    }
}
