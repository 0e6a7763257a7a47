package io.pusherj.api.spi;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Sends one stats request (pusher-js's timeline agent): an HTTP GET whose URI the core has built. It only
 * moves bytes; the core encodes the timeline and reads the answer. Must not block the caller.
 */
public interface StatsTransport extends AutoCloseable {
    /**
     * Sends a GET.
     *
     * @param uri the full request URI
     * @return the body of a 200 answer; completed exceptionally for any other status or a network failure.
     *     It must complete, within timeouts of the transport's own ({@code pusher-http-client} bounds
     *     connecting, waiting for a pooled connection and each read at 10 s): the client sends one stats
     *     request at a time
     */
    CompletionStage<String> get(URI uri);

    /** Releases what the transport holds for its client. */
    @Override
    void close();
}
