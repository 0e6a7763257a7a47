package io.pusherj.api;

import io.pusherj.api.spi.AuthRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How channels are authorized or users authenticated: pusher-js's {@code channelAuthorization} and
 * {@code userAuthentication} objects. Either an HTTP endpoint called through an auth transport
 * ({@code ajax} or {@code jsonp}), or a custom handler.
 *
 * <pre>{@code
 * PusherOptions.builder().channelAuthorization(AuthOptions.forChannels()
 *         .endpoint("https://example.com/pusher/auth")
 *         .headersProvider(() -> Map.of("Authorization", "Bearer " + tokens.current()))
 *         .build())
 * }</pre>
 *
 * @param <H> the custom handler type: {@link ChannelAuthorizer} or {@link UserAuthenticator}
 */
public final class AuthOptions<H> {
    /** The default transport, as in pusher-js. */
    public static final String AJAX = "ajax";
    /** The JSONP transport. */
    public static final String JSONP = "jsonp";
    /**
     * How long one auth request may take before it fails (pusher-js has no limit; a dead endpoint must not wedge a
     * channel).
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Optional<URI> endpoint;
    private final String transport;
    private final Map<String, String> params;
    private final Map<String, String> headers;
    private final Optional<Supplier<Map<String, String>>> paramsProvider;
    private final Optional<Supplier<Map<String, String>>> headersProvider;
    private final Optional<H> customHandler;
    private final Duration timeout;
    private final String endpointName;

    private static final String CHANNELS_ENDPOINT = "authEndpoint";
    private static final String USERS_ENDPOINT = "userAuthentication endpoint";

    /**
     * The options of each kind with nothing set, which every builder left untouched returns: options are
     * often built per client, and a client keeps one of each kind (96 bytes).
     */
    private static final AuthOptions<ChannelAuthorizer> UNSET_CHANNELS = new AuthOptions<>(forChannels());

    private static final AuthOptions<UserAuthenticator> UNSET_USERS = new AuthOptions<>(forUsers());

    private AuthOptions(Builder<H> b) {
        endpointName = b.endpointName;
        endpoint = Optional.ofNullable(b.endpoint);
        transport = b.transport;
        params = frozen(b.params);
        headers = frozen(b.headers);
        paramsProvider = Optional.ofNullable(b.paramsProvider);
        headersProvider = Optional.ofNullable(b.headersProvider);
        customHandler = Optional.ofNullable(b.customHandler);
        timeout = b.timeout;
    }

    /** An unmodifiable copy in insertion order; the shared empty map when empty (options are often per client). */
    private static Map<String, String> frozen(Map<String, String> values) {
        return values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@return a builder for channel authorization} */
    public static Builder<ChannelAuthorizer> forChannels() {
        return new Builder<>(CHANNELS_ENDPOINT);
    }

    /** {@return a builder for user authentication ({@link Pusher#signin()})} */
    public static Builder<UserAuthenticator> forUsers() {
        return new Builder<>(USERS_ENDPOINT);
    }

    /** {@return a builder holding these options, to derive a variant} */
    public Builder<H> toBuilder() {
        Builder<H> b = new Builder<>(endpointName);
        b.endpoint = endpoint.orElse(null);
        b.transport = transport;
        b.params.putAll(params);
        b.headers.putAll(headers);
        b.paramsProvider = paramsProvider.orElse(null);
        b.headersProvider = headersProvider.orElse(null);
        b.customHandler = customHandler.orElse(null);
        b.timeout = timeout;
        return b;
    }

    /** {@return the endpoint, absolute; empty when none was configured} */
    public Optional<URI> endpoint() {
        return endpoint;
    }

    /** {@return the auth transport name, {@code ajax} unless set} */
    public String transport() {
        return transport;
    }

    /** {@return extra parameters sent with every request, in order} */
    public Map<String, String> params() {
        return params;
    }

    /** {@return extra headers sent with every request (ajax only), in order} */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * {@return the supplier called per request for parameters added after the static ones (token refresh)}
     */
    public Optional<Supplier<Map<String, String>>> paramsProvider() {
        return paramsProvider;
    }

    /**
     * {@return the supplier called per request for headers applied after the static ones (token refresh)}
     */
    public Optional<Supplier<Map<String, String>>> headersProvider() {
        return headersProvider;
    }

    /** {@return the custom handler that replaces the HTTP request, if any} */
    public Optional<H> customHandler() {
        return customHandler;
    }

    /** {@return how long one request may take} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return whether anything can authorize: an endpoint or a custom handler} */
    public boolean isConfigured() {
        return endpoint.isPresent() || customHandler.isPresent();
    }

    @Override
    public String toString() {
        // Header and parameter values may be tokens: only their names are shown.
        return "AuthOptions{endpoint=" + endpoint.map(URI::toString).orElse("-") + ", transport=" + transport
                + ", params=" + params.keySet() + ", headers=" + headers.keySet()
                + (customHandler.isPresent() ? ", customHandler" : "") + "}";
    }

    /**
     * Builder of {@link AuthOptions}; not thread-safe.
     *
     * @param <H> the custom handler type
     */
    public static final class Builder<H> {
        private final String endpointName;
        private URI endpoint;
        private String transport = AJAX;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Supplier<Map<String, String>> paramsProvider;
        private Supplier<Map<String, String>> headersProvider;
        private H customHandler;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(String endpointName) {
            this.endpointName = endpointName;
        }

        /**
         * The endpoint. Java has no page to resolve a relative URL against, so it must be absolute.
         *
         * @param uri an absolute http or https URI
         * @return this builder
         * @throws IllegalArgumentException if it is not an absolute http(s) URI
         */
        public Builder<H> endpoint(String uri) {
            Objects.requireNonNull(uri, endpointName);
            URI parsed;
            try {
                parsed = new URI(uri);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(endpointName + " is not a valid URI: " + uri, e);
            }
            if (!parsed.isAbsolute()
                    || parsed.getHost() == null
                    || !("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()))) {
                throw new IllegalArgumentException(endpointName + " must be an absolute http(s) URI such as "
                        + "https://example.com/pusher/auth; Java has no page to resolve '" + uri + "' against");
            }
            this.endpoint = parsed;
            return this;
        }

        /**
         * The auth transport by name: {@code ajax} (default) or {@code jsonp}, or a custom one.
         *
         * @param transport the auth transport name
         * @return this builder
         */
        public Builder<H> transport(String transport) {
            Objects.requireNonNull(transport, "transport");
            if (transport.isBlank()) {
                throw new IllegalArgumentException("auth transport name must not be blank");
            }
            this.transport = transport;
            return this;
        }

        /**
         * Adds a parameter sent with every request.
         *
         * @param name the parameter name
         * @param value its value
         * @return this builder
         */
        public Builder<H> param(String name, String value) {
            params.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds parameters sent with every request.
         *
         * @param values names and values, added in the map's iteration order
         * @return this builder
         */
        public Builder<H> params(Map<String, String> values) {
            values.forEach(this::param);
            return this;
        }

        /**
         * Adds a header sent with every request (ajax only).
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
         */
        public Builder<H> header(String name, String value) {
            AuthRequest.checkHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * Adds headers sent with every request (ajax only).
         *
         * @param values names and values, added in the map's iteration order
         * @return this builder
         */
        public Builder<H> headers(Map<String, String> values) {
            values.forEach(this::header);
            return this;
        }

        /**
         * Parameters computed per request, after the static ones (a token refresh, say). Called on pusherj's
         * auth pool, never on a client's strand or an I/O thread, so it may block briefly; the request,
         * provider call included, is bounded by {@link AuthOptions#timeout()}.
         *
         * @param provider returns the parameters for one request; called once per request
         * @return this builder
         */
        public Builder<H> paramsProvider(Supplier<Map<String, String>> provider) {
            this.paramsProvider = Objects.requireNonNull(provider, "paramsProvider");
            return this;
        }

        /**
         * Headers computed per request, after the static ones (a token refresh, say). Called on pusherj's
         * auth pool, never on a client's strand or an I/O thread, so it may block briefly; the request,
         * provider call included, is bounded by {@link AuthOptions#timeout()}.
         *
         * @param provider returns the headers for one request; called once per request
         * @return this builder
         */
        public Builder<H> headersProvider(Supplier<Map<String, String>> provider) {
            this.headersProvider = Objects.requireNonNull(provider, "headersProvider");
            return this;
        }

        /**
         * A handler that replaces the HTTP request entirely; see {@link ChannelAuthorizer} for the thread
         * it runs on.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder<H> customHandler(H handler) {
            this.customHandler = Objects.requireNonNull(handler, "customHandler");
            return this;
        }

        /**
         * How long one request may take (default 10 s).
         *
         * @param timeout the limit, at least 1 ms
         * @return this builder
         * @throws IllegalArgumentException if shorter than 1 ms
         */
        public Builder<H> timeout(Duration timeout) {
            this.timeout = Durations.atLeastOneMilli("auth timeout", timeout);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public AuthOptions<H> build() {
            if (isUnset()) {
                // Safe: the shared options have no custom handler, the only member of type H.
                @SuppressWarnings("unchecked")
                AuthOptions<H> unset =
                        (AuthOptions<H>) (endpointName.equals(USERS_ENDPOINT) ? UNSET_USERS : UNSET_CHANNELS);
                return unset;
            }
            return new AuthOptions<>(this);
        }

        private boolean isUnset() {
            return endpoint == null
                    && transport.equals(AJAX)
                    && params.isEmpty()
                    && headers.isEmpty()
                    && paramsProvider == null
                    && headersProvider == null
                    && customHandler == null
                    && timeout.equals(DEFAULT_TIMEOUT);
        }
    }
}
