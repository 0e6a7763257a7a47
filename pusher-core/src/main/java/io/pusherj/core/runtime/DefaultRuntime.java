package io.pusherj.core.runtime;

import io.pusherj.api.PusherRuntime;

/**
 * The runtime of clients given none: one for the whole JVM, started by the first such client and closed
 * with the last, so the thread count does not grow with clients and closing every client leaves no
 * thread behind.
 */
public final class DefaultRuntime {
    private static final Object LOCK = new Object();
    private static ClientRuntime current;
    private static int users;

    private DefaultRuntime() {}

    /** Takes a reference; pair every call with {@link #release}. */
    public static ClientRuntime acquire() {
        synchronized (LOCK) {
            if (users++ == 0) {
                current = new ClientRuntime(
                        PusherRuntime.Builder.DEFAULT_STRAND_THREADS, PusherRuntime.Builder.DEFAULT_AUTH_THREADS);
            }
            return current;
        }
    }

    /** Drops a reference; the last one closes the runtime. */
    public static void release(ClientRuntime runtime) {
        boolean last;
        synchronized (LOCK) {
            last = --users == 0 && current == runtime;
            if (last) {
                current = null;
            }
        }
        if (last) {
            runtime.close();
        }
    }
}
