package io.pusherj.auth.ajax;

import io.pusherj.api.AuthException;
import io.pusherj.api.spi.AuthRequest;
import io.pusherj.api.spi.AuthResponse;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.http.SharedHttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.apache.hc.core5.util.Timeout;

/**
 * pusher-js's {@code xhr_auth.ts}: {@code POST} with {@code Content-Type:
 * application/x-www-form-urlencoded}, the parameters percent-encoded in order, then the headers (static,
 * then provided; a provided header replaces a static one of the same name). Asynchronous: no thread
 * waits for the endpoint.
 */
final class AjaxAuthTransport implements AuthTransport {
    private final SharedResources.Lease<SharedHttpClient> http;

    AjaxAuthTransport(SharedResources.Lease<SharedHttpClient> http) {
        this.http = http;
    }

    @Override
    public CompletionStage<AuthResponse> request(AuthRequest request) {
        List<NameValuePair> form = request.params().entrySet().stream()
                .map(e -> (NameValuePair) new BasicNameValuePair(e.getKey(), e.getValue())).toList();
        Timeout timeout = Timeout.of(request.timeout());
        SimpleRequestBuilder builder = SimpleRequestBuilder.post(request.endpoint())
                .setBody(WWWFormCodec.format(form, StandardCharsets.UTF_8), ContentType.APPLICATION_FORM_URLENCODED)
                .setRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build());
        request.headers().forEach(builder::setHeader);
        SimpleHttpRequest httpRequest = builder.build();
        CompletableFuture<AuthResponse> result = new CompletableFuture<>();
        http.get().client().execute(httpRequest, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                result.complete(new AuthResponse(response.getCode(), response.getBodyText() == null ? "" : response.getBodyText()));
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(new AuthException("could not reach the auth endpoint "
                        + request.endpoint() + ": " + e, -1, e));
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(new AuthException("the request to " + request.endpoint()
                        + " was cancelled", -1, null));
            }
        });
        return result;
    }

    @Override
    public void close() {
        http.close();
    }
}
