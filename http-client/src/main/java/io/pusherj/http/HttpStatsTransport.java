package io.pusherj.http;

import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.StatsTransport;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
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
        CompletableFuture<String> result = new CompletableFuture<>();
        var request = SimpleRequestBuilder.get(uri).setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(TIMEOUT).setConnectionRequestTimeout(TIMEOUT).build()).build();
        http.get().client().execute(SimpleRequestProducer.create(request), new BoundedResponseConsumer(MAX_BODY_BYTES),
                new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        if (response.getCode() == 200) {
                            String body = response.getBodyText();
                            result.complete(body == null ? "" : body);
                        } else {
                            result.completeExceptionally(new IOException("stats host answered " + response.getCode()));
                        }
                    }

                    @Override
                    public void failed(Exception e) {
                        result.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new IOException("stats request cancelled"));
                    }
                });
        return result;
    }

    @Override
    public void close() {
        http.close();
    }
}
