package io.pusherj.http;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.util.Timeout;

/**
 * One request whose whole answer is wanted in memory (auth, stats): bounded in time by its request
 * config and in size by a {@link BoundedResponseConsumer}, completed as a future. The streaming and
 * polling transports read their responses incrementally instead.
 */
final class BufferedExchange {
    private BufferedExchange() {}

    /**
     * The config of a request that must finish within {@code timeout}, waiting for a pooled connection
     * included. It keeps the client's redirect limit: a request's own config replaces the default whole.
     */
    static RequestConfig config(Timeout timeout) {
        return RequestConfig.custom()
                .setResponseTimeout(timeout)
                .setConnectionRequestTimeout(timeout)
                .setMaxRedirects(SharedHttpClient.MAX_REDIRECTS)
                .build();
    }

    /**
     * Sends {@code request} and buffers the answer, whatever its status.
     *
     * @return the response; or fails with the I/O error, a
     *     {@link BoundedResponseConsumer.ResponseTooLargeException} beyond {@code maxBodyBytes}, or a
     *     {@link CancellationException}
     */
    static CompletableFuture<SimpleHttpResponse> send(
            SharedHttpClient http, SimpleHttpRequest request, int maxBodyBytes) {
        CompletableFuture<SimpleHttpResponse> result = new CompletableFuture<>();
        http.client()
                .execute(
                        SimpleRequestProducer.create(request),
                        new BoundedResponseConsumer(maxBodyBytes),
                        new FutureCallback<SimpleHttpResponse>() {
                            @Override
                            public void completed(SimpleHttpResponse response) {
                                result.complete(response);
                            }

                            @Override
                            public void failed(Exception e) {
                                result.completeExceptionally(e);
                            }

                            @Override
                            public void cancelled() {
                                result.completeExceptionally(new CancellationException("request cancelled"));
                            }
                        });
        return result;
    }

    /** The body as text, empty when there is none. */
    static String bodyText(SimpleHttpResponse response) {
        String text = response.getBodyText();
        return text == null ? "" : text;
    }
}
