package io.pusherj.core.auth;

import io.pusherj.api.AuthException;
import io.pusherj.api.AuthOptions;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.ChannelAuthorizer;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.UserAuthentication;
import io.pusherj.api.UserAuthenticator;
import io.pusherj.api.spi.AuthRequest;
import io.pusherj.api.spi.AuthResponse;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.ProviderContext;
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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Channel authorization and user authentication (pusher-js {@code channel_authorizer.ts},
 * {@code user_authenticator.ts} and {@code xhr_auth.ts}'s response rules): builds the request, calls
 * the auth transport or the custom handler, and parses and validates the answer. Only HTTP 200 with a
 * JSON object holding {@code auth} is a success; every failure is an {@link AuthException} carrying the
 * status and a short snippet of the body.
 */
public final class Authorizer implements AutoCloseable {
    private static final int SNIPPET = 120;

    private final AuthOptions<ChannelAuthorizer> channelOptions;
    private final AuthOptions<UserAuthenticator> userOptions;
    private final AuthTransport channelTransport;
    private final AuthTransport userTransport;
    private final Executor userCodeExecutor;

    /**
     * Creates the authorizer of a client.
     *
     * @param options the client options
     * @param userCodeExecutor where the application's auth code runs (custom handlers, params and headers
     *        providers): never the client's strand or an I/O thread, since that code may block
     * @throws IllegalArgumentException if a configured auth transport is not on the path
     */
    public Authorizer(PusherOptions options, Executor userCodeExecutor, ProviderContext client) {
        this.channelOptions = options.channelAuthorization();
        this.userOptions = options.userAuthentication();
        this.userCodeExecutor = userCodeExecutor;
        this.channelTransport = transportFor(channelOptions, client);
        AuthTransport user;
        try {
            user = transportFor(userOptions, client);
        } catch (RuntimeException e) {
            if (channelTransport != null) {
                channelTransport.close();
            }
            throw e;
        }
        this.userTransport = user;
    }

    private static AuthTransport transportFor(AuthOptions<?> o, ProviderContext client) {
        return o.endpoint().isPresent() && o.customHandler().isEmpty()
                ? AuthTransports.create(o.transport(), client)
                : null;
    }

    /** How long one channel authorization may take. */
    public long channelTimeoutMillis() {
        return channelOptions.timeout().toMillis();
    }

    /** How long one user authentication may take. */
    public long userTimeoutMillis() {
        return userOptions.timeout().toMillis();
    }

    /**
     * Authorizes a subscription; the stage completes on a transport or auth thread.
     *
     * @return the authorization, or a stage failed with an {@link AuthException}
     */
    public CompletionStage<ChannelAuthorization> authorize(
            String socketId, String channelName, BooleanSupplier stillWanted) {
        String subject = "channel '" + channelName + "'";
        if (channelOptions.customHandler().isPresent()) {
            ChannelAuthorizer h = channelOptions.customHandler().get();
            return callHandler(subject, stillWanted, () -> h.authorize(socketId, channelName));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("socket_id", socketId);
        params.put("channel_name", channelName);
        return post(
                        channelOptions,
                        channelTransport,
                        params,
                        subject,
                        "neither authEndpoint nor channelAuthorization is configured",
                        stillWanted)
                .thenApply(o -> new ChannelAuthorization(
                        ((JsonString) o.get("auth")).getString(),
                        string(o, "channel_data"),
                        string(o, "shared_secret")));
    }

    /**
     * Whether the application's own handler answers this kind of request, rather than the auth endpoint.
     *
     * @param channel a channel authorization; false: the user's authentication
     */
    public boolean usesCustomHandler(boolean channel) {
        return (channel ? channelOptions.customHandler() : userOptions.customHandler()).isPresent();
    }

    /**
     * Authenticates the user for sign-in; the answer must carry {@code user_data} as a string.
     *
     * @return the authentication, or a stage failed with an {@link AuthException}
     */
    public CompletionStage<UserAuthentication> authenticate(String socketId, BooleanSupplier stillWanted) {
        if (userOptions.customHandler().isPresent()) {
            UserAuthenticator h = userOptions.customHandler().get();
            return callHandler("user sign-in", stillWanted, () -> h.authenticate(socketId));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("socket_id", socketId);
        return post(
                        userOptions,
                        userTransport,
                        params,
                        "user sign-in",
                        "no userAuthentication endpoint is configured",
                        stillWanted)
                .thenApply(o -> {
                    Optional<String> userData = string(o, "user_data");
                    if (userData.isEmpty()) {
                        throw new AuthException(
                                "the user authentication response has no 'user_data' string", 200, null);
                    }
                    return new UserAuthentication(((JsonString) o.get("auth")).getString(), userData.get());
                });
    }

    /**
     * Calls a custom handler on the auth executor. A handler returning null, or a stage completing with
     * null, is a refusal nobody reported: it fails the subscription or sign-in instead of leaving it
     * pending forever.
     */
    private <T> CompletionStage<T> callHandler(
            String subject, BooleanSupplier stillWanted, Supplier<CompletionStage<T>> handler) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            checkStillWanted(stillWanted, subject);
                            CompletionStage<T> stage = handler.get();
                            if (stage == null) {
                                throw new AuthException(
                                        "the custom auth handler for " + subject + " returned null instead of a stage");
                            }
                            return stage;
                        },
                        userCodeExecutor)
                .thenCompose(stage -> stage)
                .thenApply(result -> {
                    if (result == null) {
                        throw new AuthException("the custom auth handler for " + subject
                                + " completed with null; complete the stage exceptionally to refuse");
                    }
                    return result;
                });
    }

    /**
     * The HTTP auth request: the params and headers providers are the application's code and may block
     * (a token refresh), so they run on the auth executor, never on the client's strand.
     */
    private CompletionStage<JsonObject> post(
            AuthOptions<?> o,
            AuthTransport transport,
            Map<String, String> base,
            String subject,
            String missing,
            BooleanSupplier stillWanted) {
        if (transport == null) {
            return CompletableFuture.failedFuture(new AuthException(subject + " needs authorization, but " + missing));
        }
        Supplier<AuthRequest> request = () -> {
            checkStillWanted(stillWanted, subject);
            Map<String, String> params = new LinkedHashMap<>(base);
            params.putAll(o.params());
            o.paramsProvider().ifPresent(p -> params.putAll(p.get()));
            Map<String, String> headers = new LinkedHashMap<>(o.headers());
            o.headersProvider().ifPresent(p -> headers.putAll(p.get()));
            return new AuthRequest(o.endpoint().orElseThrow(), params, headers, o.timeout());
        };
        // Without providers there is no application code to run, so no reason to start an auth thread.
        CompletableFuture<AuthRequest> built =
                o.paramsProvider().isEmpty() && o.headersProvider().isEmpty()
                        ? CompletableFuture.completedFuture(request.get())
                        : CompletableFuture.supplyAsync(request, userCodeExecutor);
        return built.thenCompose(r -> transport.request(r).thenApply(response -> parse(response, subject, r)));
    }

    /**
     * A call that waited for an auth thread may no longer be wanted: its wait timed out, or the connection
     * that asked is gone. Then the application's code is not called for it at all.
     */
    private static void checkStillWanted(BooleanSupplier stillWanted, String subject) {
        if (!stillWanted.getAsBoolean()) {
            throw new AuthException("authorization of " + subject + " abandoned before it started: the connection"
                    + " that asked is gone, or the wait timed out");
        }
    }

    /** The pusher-js response rules: 200, a JSON object, an {@code auth} string. */
    static JsonObject parse(AuthResponse response, String subject, AuthRequest request) {
        String endpoint = request.endpoint().toString();
        if (response.status() != 200) {
            throw new AuthException(
                    "could not get an auth string from " + endpoint + " for " + subject + ": HTTP " + response.status()
                            + snippet(response.body()),
                    response.status(),
                    null);
        }
        JsonValue json = FrameCodec.parseOrNull(response.body());
        if (!(json instanceof JsonObject o)) {
            throw new AuthException(
                    "the auth endpoint " + endpoint + " returned HTTP 200 but not a JSON object"
                            + snippet(response.body()),
                    200,
                    null);
        }
        if (!(o.get("auth") instanceof JsonString auth) || auth.getString().isEmpty()) {
            throw new AuthException(
                    "the auth response from " + endpoint + " has no 'auth' string for " + subject, 200, null);
        }
        return o;
    }

    private static Optional<String> string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
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
        if (channelTransport != null) {
            channelTransport.close();
        }
        if (userTransport != null) {
            userTransport.close();
        }
    }
}
