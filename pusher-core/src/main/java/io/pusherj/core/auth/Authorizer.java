package io.pusherj.core.auth;

import io.pusherj.api.AuthException;
import io.pusherj.api.AuthOptions;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.ChannelAuthorizer;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.AuthRequest;
import io.pusherj.api.spi.AuthResponse;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.core.protocol.FrameCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Channel authorization (pusher-js {@code channel_authorizer.ts} with {@code xhr_auth.ts}'s response
 * rules): builds the request, calls the auth transport or the custom handler, and parses and validates
 * the answer. Only HTTP 200 with a JSON body holding {@code auth} is a success; every failure is an
 * {@link AuthException} carrying the status and a short snippet of the body.
 */
public final class Authorizer implements AutoCloseable {
    private static final int SNIPPET = 120;

    private final AuthOptions<ChannelAuthorizer> options;
    private final AuthTransport transport;
    private final Executor handlerExecutor;

    /**
     * Creates the authorizer of a client.
     *
     * @param pusherOptions the client options
     * @param handlerExecutor where a custom handler is called (never the client's strand)
     * @throws IllegalArgumentException if the configured auth transport is not on the path
     */
    public Authorizer(PusherOptions pusherOptions, Executor handlerExecutor) {
        this.options = pusherOptions.channelAuthorization();
        this.handlerExecutor = handlerExecutor;
        this.transport = options.endpoint().isPresent() && options.customHandler().isEmpty()
                ? AuthTransports.create(options.transport(), pusherOptions) : null;
    }

    /** How long one authorization may take before it fails. */
    public long timeoutMillis() {
        return options.timeout().toMillis();
    }

    /**
     * Authorizes a subscription. The stage completes on a transport or handler thread.
     *
     * @param socketId the current socket id
     * @param channelName the channel
     * @return the authorization, or a stage failed with an {@link AuthException}
     */
    public CompletionStage<ChannelAuthorization> authorize(String socketId, String channelName) {
        if (options.customHandler().isPresent()) {
            ChannelAuthorizer handler = options.customHandler().get();
            return CompletableFuture.supplyAsync(() -> handler.authorize(socketId, channelName), handlerExecutor)
                    .thenCompose(stage -> stage);
        }
        if (transport == null) {
            return CompletableFuture.failedFuture(new AuthException("channel '" + channelName
                    + "' needs authorization, but neither authEndpoint nor channelAuthorization is configured"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("socket_id", socketId);
        params.put("channel_name", channelName);
        params.putAll(options.params());
        options.paramsProvider().ifPresent(p -> params.putAll(p.get()));
        Map<String, String> headers = new LinkedHashMap<>(options.headers());
        options.headersProvider().ifPresent(p -> headers.putAll(p.get()));
        AuthRequest request = new AuthRequest(options.endpoint().orElseThrow(), params, headers, options.timeout());
        return transport.request(request).thenApply(response -> parse(response, channelName, request));
    }

    /** The pusher-js response rules, plus the checks the channel kind needs. */
    static ChannelAuthorization parse(AuthResponse response, String channelName, AuthRequest request) {
        String endpoint = request.endpoint().toString();
        if (response.status() != 200) {
            throw new AuthException("could not get an auth string from " + endpoint + " for '" + channelName
                    + "': HTTP " + response.status() + snippet(response.body()), response.status(), null);
        }
        JsonValue json = FrameCodec.parseOrNull(response.body());
        if (!(json instanceof JsonObject o)) {
            throw new AuthException("the auth endpoint " + endpoint + " returned HTTP 200 but not a JSON object"
                    + snippet(response.body()), 200, null);
        }
        if (!(o.get("auth") instanceof JsonString auth) || auth.getString().isEmpty()) {
            throw new AuthException("the auth response from " + endpoint + " has no 'auth' string for '"
                    + channelName + "'", 200, null);
        }
        Optional<String> channelData = o.get("channel_data") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        Optional<String> sharedSecret = o.get("shared_secret") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        return new ChannelAuthorization(auth.getString(), channelData, sharedSecret);
    }

    private static String snippet(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        if (oneLine.isEmpty()) {
            return "";
        }
        return ": " + (oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "…");
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
    }
}
