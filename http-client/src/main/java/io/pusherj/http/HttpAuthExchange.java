package io.pusherj.http;

import io.pusherj.api.AuthException;
import io.pusherj.api.spi.AuthRequest;
import io.pusherj.api.spi.AuthResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.util.Timeout;

/**
 * The part the {@code ajax} and {@code jsonp} auth transports share: send one request with the auth
 * timeout, turn the response into an {@link AuthResponse}, and a failure to get one into an
 * {@link AuthException} without a status that names the endpoint (never a credential).
 */
public final class HttpAuthExchange {
    /**
     * The largest auth response read, in bytes. An answer is a signature, optional channel data and a
     * shared secret (a few hundred bytes; presence channel data is capped at 1 KiB by Pusher).
     */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private HttpAuthExchange() {
    }

    /** The request config of an auth request: the whole exchange is bounded by its timeout. */
    public static RequestConfig config(AuthRequest request) {
        Timeout timeout = Timeout.of(request.timeout());
        return RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout)
                .setMaxRedirects(SharedHttpClient.MAX_REDIRECTS).build();
    }

    /**
     * Sends {@code httpRequest} and maps the answer.
     *
     * @param http the shared client
     * @param httpRequest the request to send
     * @param request the auth request it was built from (for messages)
     * @param toResponse maps an HTTP response to the auth response; may throw {@link AuthException}
     * @return the auth response
     */
    public static CompletionStage<AuthResponse> send(SharedHttpClient http, SimpleHttpRequest httpRequest,
            AuthRequest request, Function<SimpleHttpResponse, AuthResponse> toResponse) {
        CompletableFuture<AuthResponse> result = new CompletableFuture<>();
        FutureCallback<SimpleHttpResponse> callback = new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                try {
                    result.complete(toResponse.apply(response));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(e instanceof BoundedResponseConsumer.ResponseTooLargeException
                        ? new AuthException("the auth endpoint " + request.endpoint() + " answered with more than "
                                + MAX_BODY_BYTES + " bytes", -1, e)
                        : new AuthException("could not reach the auth endpoint " + request.endpoint() + ": " + e, -1, e));
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(new AuthException("the request to " + request.endpoint()
                        + " was cancelled", -1, null));
            }
        };
        http.client().execute(SimpleRequestProducer.create(httpRequest), new BoundedResponseConsumer(MAX_BODY_BYTES),
                callback);
        return result;
    }

    /** The body as text, empty when there is none. */
    public static String body(SimpleHttpResponse response) {
        String text = response.getBodyText();
        return text == null ? "" : text;
    }
}
