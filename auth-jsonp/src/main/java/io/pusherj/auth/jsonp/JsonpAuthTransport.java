package io.pusherj.auth.jsonp;

import io.pusherj.api.AuthException;
import io.pusherj.api.spi.AuthRequest;
import io.pusherj.api.spi.AuthResponse;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.http.HttpAuthExchange;
import io.pusherj.http.SharedHttpClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.net.URIBuilder;

/**
 * pusher-js's {@code jsonp_auth.ts} for a JVM: {@code GET ENDPOINT?callback=NAME&socket_id=...&...}
 * with a plain-identifier callback name ({@code pusherAuthCallback} + a process-wide counter from 1),
 * and the answer read as JSON, never evaluated. Headers are not part of JSONP: configured ones are
 * ignored with a single warning. Unlike pusher-js, a non-200 answer, a body that does not call the
 * callback, and a timeout are all auth errors.
 */
final class JsonpAuthTransport implements AuthTransport {
    private static final System.Logger LOG = System.getLogger(JsonpAuthTransport.class.getName());
    private static final AtomicLong CALLBACKS = new AtomicLong();
    private static final AtomicBoolean WARNED_ABOUT_HEADERS = new AtomicBoolean();

    private final SharedResources.Lease<SharedHttpClient> http;

    JsonpAuthTransport(SharedResources.Lease<SharedHttpClient> http) {
        this.http = http;
    }

    @Override
    public CompletionStage<AuthResponse> request(AuthRequest request) {
        if (!request.headers().isEmpty() && WARNED_ABOUT_HEADERS.compareAndSet(false, true)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "auth headers " + request.headers().keySet()
                            + " are ignored: JSONP cannot send headers (use the ajax auth transport)");
        }
        String callbackName = "pusherAuthCallback" + CALLBACKS.incrementAndGet();
        URI uri;
        try {
            URIBuilder b = new URIBuilder(request.endpoint()).addParameter("callback", callbackName);
            request.params().forEach(b::addParameter);
            uri = b.build();
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(
                    new AuthException("invalid auth endpoint " + request.endpoint(), -1, e));
        }
        return HttpAuthExchange.send(
                http.get(),
                SimpleRequestBuilder.get(uri)
                        .setRequestConfig(HttpAuthExchange.config(request))
                        .build(),
                request,
                response -> {
                    String body = HttpAuthExchange.body(response);
                    if (response.getCode() != 200) {
                        return new AuthResponse(response.getCode(), body);
                    }
                    return new AuthResponse(
                            200,
                            JsonpResponse.extract(body, callbackName)
                                    .orElseThrow(() -> new AuthException(
                                            "the JSONP answer of " + request.endpoint() + " does not call "
                                                    + callbackName + "(...)",
                                            200,
                                            null)));
                });
    }

    @Override
    public void close() {
        http.close();
    }
}
