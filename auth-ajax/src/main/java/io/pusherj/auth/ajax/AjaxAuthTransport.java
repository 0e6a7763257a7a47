package io.pusherj.auth.ajax;

import io.pusherj.api.spi.AuthRequest;
import io.pusherj.api.spi.AuthResponse;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.http.HttpAuthExchange;
import io.pusherj.http.SharedHttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

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
                .map(e -> (NameValuePair) new BasicNameValuePair(e.getKey(), e.getValue()))
                .toList();
        SimpleRequestBuilder builder = SimpleRequestBuilder.post(request.endpoint())
                .setBody(WWWFormCodec.format(form, StandardCharsets.UTF_8), ContentType.APPLICATION_FORM_URLENCODED)
                .setRequestConfig(HttpAuthExchange.config(request));
        request.headers().forEach(builder::setHeader);
        return HttpAuthExchange.send(
                http.get(),
                builder.build(),
                request,
                response -> new AuthResponse(response.getCode(), HttpAuthExchange.body(response)));
    }

    @Override
    public void close() {
        http.close();
    }
}
