package io.pusherj.http;

import io.pusherj.api.AuthException;
import io.pusherj.api.spi.AuthRequest;
import io.pusherj.api.spi.AuthResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.RequestConfig;
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

    private HttpAuthExchange() {}

    /** The request config of an auth request: the whole exchange is bounded by its timeout. */
    public static RequestConfig config(AuthRequest request) {
        return BufferedExchange.config(Timeout.of(request.timeout()));
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
    public static CompletionStage<AuthResponse> send(
            SharedHttpClient http,
            SimpleHttpRequest httpRequest,
            AuthRequest request,
            Function<SimpleHttpResponse, AuthResponse> toResponse) {
        CompletableFuture<AuthResponse> result = new CompletableFuture<>();
        BufferedExchange.send(http, httpRequest, MAX_BODY_BYTES).whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failed(request, failure));
                return;
            }
            try {
                result.complete(toResponse.apply(response));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static AuthException failed(AuthRequest request, Throwable failure) {
        if (failure instanceof CancellationException) {
            return new AuthException("the request to " + request.endpoint() + " was cancelled", -1, null);
        }
        if (failure instanceof BoundedResponseConsumer.ResponseTooLargeException) {
            return new AuthException(
                    "the auth endpoint " + request.endpoint() + " answered with more than " + MAX_BODY_BYTES + " bytes",
                    -1,
                    failure);
        }
        return new AuthException(
                "could not reach the auth endpoint " + request.endpoint() + ": " + failure, -1, failure);
    }

    /** The body as text, empty when there is none. */
    public static String body(SimpleHttpResponse response) {
        return BufferedExchange.bodyText(response);
    }
}
