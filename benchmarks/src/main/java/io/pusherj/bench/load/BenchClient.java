package io.pusherj.bench.load;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One client of the library under test, reduced to what the measures need. Implementations do what a
 * user of that library would write: no extra work, no shortcuts.
 */
interface BenchClient extends AutoCloseable {
    /** Starts connecting; completes once the connection is established. */
    CompletableFuture<Void> connect();

    /**
     * Subscribes to a public channel; completes once the server confirmed it.
     *
     * @param handlers per event name, called with the event's data on the library's callback thread
     */
    CompletableFuture<Void> subscribe(String channel, Map<String, Consumer<String>> handlers);

    /** The transport the connection uses, as the library names it. */
    String transport();

    /** Disconnects and releases what the client holds. */
    @Override
    void close();
}
