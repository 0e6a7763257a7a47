package io.pusherj.http;

import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.StatsTransport;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/** Sends stats requests over the shared HttpClient of the client's TLS context and proxy. */
final class HttpStatsTransport implements StatsTransport {
    /** A stats request that takes longer is dropped: the next one carries newer entries anyway. */
    static final Timeout TIMEOUT = Timeout.ofSeconds(10);
    /** The largest answer read: pusher-js only looks for a {@code host}. */
    static final int MAX_BODY_BYTES = 4 * 1024;

    private final SharedResources.Lease<SharedHttpClient> http;

    HttpStatsTransport(SharedResources.Lease<SharedHttpClient> http) {
        this.http = http;
    }

    @Override
    public CompletionStage<String> get(URI uri) {
        var request = SimpleRequestBuilder.get(uri)
                .setRequestConfig(BufferedExchange.config(TIMEOUT))
                .build();
        return BufferedExchange.send(http.get(), request, MAX_BODY_BYTES)
                .thenCompose(response -> response.getCode() == 200
                        ? CompletableFuture.completedFuture(BufferedExchange.bodyText(response))
                        : CompletableFuture.failedFuture(new IOException("stats host answered " + response.getCode())));
    }

    @Override
    public void close() {
        http.close();
    }
}
