package io.pusherj.api;

/**
 * The threads and shared connections clients run on: a small pool for the clients' strands, one timer
 * thread, a bounded pool for the application's own auth code, and the HTTP and WebSocket clients the
 * transports share (one per TLS context and proxy).
 *
 * <p>By default every client of a JVM uses one runtime that the first client starts and closing the last
 * one stops, so nothing needs managing. An application that wants to own that life cycle (a container
 * stopping a module, a test that must see every thread end, a server with separate client groups) creates
 * its own and hands it to its clients:
 *
 * <pre>{@code
 * try (PusherRuntime runtime = PusherRuntime.create()) {
 *     Pusher pusher = Pusher.create("APP_KEY", PusherOptions.builder().runtime(runtime).build());
 *     ...
 * } // closes the clients still open on it, then stops its threads
 * }</pre>
 *
 * <p>A runtime's threads do not grow with the number of its clients. Closing a client never closes a
 * runtime it was given; closing the runtime closes its clients first. Safe from any thread.
 *
 * <p>Implemented by pusherj only, as a file system's {@code Path} belongs to its provider: obtain runtimes
 * from {@link #create()} or {@link #builder()}; {@link Pusher#create} refuses any other implementation with
 * an {@link IllegalArgumentException}.
 */
public interface PusherRuntime extends AutoCloseable {
    /**
     * Creates a runtime with the default sizes; its owner closes it.
     *
     * @return a new runtime, with no thread started until a client needs one
     * @throws PusherException if no implementation ({@code io.pusherj:pusher-core}) is on the path
     */
    static PusherRuntime create() {
        return builder().build();
    }

    /** {@return a builder for a runtime with chosen sizes} */
    static Builder builder() {
        return new Builder();
    }

    /** {@return the most threads that run the clients' strands} */
    int strandThreads();

    /** {@return the most threads that run application auth code (custom handlers, params and headers)} */
    int authThreads();

    /** {@return whether {@link #close()} was called} */
    boolean isClosed();

    /**
     * Closes the clients still using this runtime and, once they finished closing, closes its shared
     * connections and stops its threads. Waits up to 5 s for the clients, then up to 5 s for each of its
     * pools to end. From a pusherj thread, or a listener of one of its clients running on a transport's
     * thread, it cannot wait (the clients' last tasks may need that thread): it returns at once, and the
     * rest happens on its timer thread when the clients finished, 5 s later at the latest. Creating a
     * client with a closed runtime fails with {@link IllegalStateException}. Idempotent.
     */
    @Override
    void close();

    /** Chooses a runtime's sizes. Not thread-safe; {@link #build()} creates an independent runtime. */
    final class Builder {
        /** Default of {@link #strandThreads(int)}: the processors, at least 2 and at most 4. */
        public static final int DEFAULT_STRAND_THREADS =
                Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        /**
         * Default of {@link #authThreads(int)}. Auth code may block on the application's backend, so it never
         * runs on the strand pool; its threads start on demand and end after 30 s idle.
         */
        public static final int DEFAULT_AUTH_THREADS = 16;

        private int strandThreads = DEFAULT_STRAND_THREADS;
        private int authThreads = DEFAULT_AUTH_THREADS;

        Builder() {}

        /**
         * The most threads running the clients' strands. A strand never blocks, so the processors are
         * enough whatever the number of clients.
         *
         * @param strandThreads at least 1
         * @return this builder
         */
        public Builder strandThreads(int strandThreads) {
            if (strandThreads < 1) {
                throw new IllegalArgumentException("strandThreads must be at least 1, got " + strandThreads);
            }
            this.strandThreads = strandThreads;
            return this;
        }

        /**
         * The most threads running application auth code at once, over all clients (each client runs a
         * few at most, so one hung backend cannot take them all).
         *
         * @param authThreads at least 1
         * @return this builder
         */
        public Builder authThreads(int authThreads) {
            if (authThreads < 1) {
                throw new IllegalArgumentException("authThreads must be at least 1, got " + authThreads);
            }
            this.authThreads = authThreads;
            return this;
        }

        /**
         * Creates the runtime; its owner closes it.
         *
         * @return a new runtime
         * @throws PusherException if no implementation ({@code io.pusherj:pusher-core}) is on the path
         */
        public PusherRuntime build() {
            return Implementation.factory().createRuntime(strandThreads, authThreads);
        }
    }
}
