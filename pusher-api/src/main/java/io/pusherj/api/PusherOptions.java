package io.pusherj.api;

import io.pusherj.api.spi.Scheduler;
import io.pusherj.api.spi.TransportProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Immutable client options, named after the Channels docs' and pusher-js's options. Build with {@link #builder()};
 * {@link Builder#build()} validates and throws {@link IllegalArgumentException} with a message naming
 * the option.
 *
 * <pre>{@code
 * PusherOptions options = PusherOptions.builder()
 *         .cluster("eu")                                      // self-hosted: wsHost(...).wsPort(6001).forceTLS(false)
 *         .authEndpoint("https://example.com/pusher/auth")    // private, presence and encrypted channels
 *         .authHeader("X-CSRF-Token", token)
 *         .enabledTransports("ws", "xhr_streaming", "xhr_polling")
 *         .build();
 * PusherOptions later = options.toBuilder().activityTimeout(Duration.ofSeconds(60)).build();
 * }</pre>
 *
 * <p>Defaults follow pusher-js ({@code core/defaults.ts}), except {@code cluster}, which defaults to
 * {@code mt1} as the Channels docs say.
 */
public final class PusherOptions {
    /** Default cluster (the Channels docs: "When not supplied, will connect to the mt1 cluster"). */
    public static final String DEFAULT_CLUSTER = "mt1";
    /** pusher-js {@code activityTimeout} default. */
    public static final Duration DEFAULT_ACTIVITY_TIMEOUT = Duration.ofMillis(120_000);
    /** pusher-js {@code pongTimeout} default. */
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofMillis(30_000);
    /** Default of {@link #maxQueuedInboundChars()}: 16 Mi chars. */
    public static final long DEFAULT_MAX_QUEUED_INBOUND_CHARS = 16L * 1024 * 1024;
    /** pusher-js {@code stats_host} default. */
    public static final String DEFAULT_STATS_HOST = "stats.pusher.com";
    /** pusher-js {@code unavailableTimeout} default. */
    public static final Duration DEFAULT_UNAVAILABLE_TIMEOUT = Duration.ofMillis(10_000);

    private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");

    // Options not set are null here and an empty Optional from their accessor: an Optional kept per set
    // option is 16 bytes more of every client, and applications that open thousands of clients build
    // options per client (BENCHMARKS.md).
    private final String cluster;
    private final boolean forceTLS;
    private final String wsHost; // null when not set
    private final int wsPort;
    private final int wssPort;
    private final String wsPath;
    private final String httpHost; // null when not set
    private final int httpPort;
    private final int httpsPort;
    private final String httpPath;
    private final Duration activityTimeout;
    private final Duration pongTimeout;
    private final long maxQueuedInboundChars;
    private final ReconnectBackoff reconnectBackoff; // null when not set
    private final Duration unavailableTimeout;
    private final Set<String> enabledTransports; // null when not set
    private final Set<String> disabledTransports;
    private final boolean ignoreNullOrigin;
    private final boolean statsEnabled;
    private final String statsHost;
    private final Map<String, String> timelineParams;
    private final SSLContext sslContext; // null when not set
    private final InetSocketAddress proxy; // null when not set
    private final InetAddress localAddress; // null when not set
    private final Executor callbackExecutor; // null when not set
    private final Scheduler scheduler; // null when not set
    private final PusherRuntime runtime; // null when not set
    private final boolean autoConnect;
    private final List<TransportProvider> transportProviders;
    private final AuthOptions<ChannelAuthorizer> channelAuthorization;
    private final AuthOptions<UserAuthenticator> userAuthentication;
    private final TransportCache transportCache; // null when not set

    private PusherOptions(Builder b, AuthOptions<ChannelAuthorizer> channelAuthorization) {
        cluster = b.cluster;
        forceTLS = b.forceTLS;
        wsHost = b.wsHost;
        wsPort = b.wsPort;
        wssPort = b.wssPort;
        wsPath = b.wsPath;
        httpHost = b.httpHost;
        httpPort = b.httpPort;
        httpsPort = b.httpsPort;
        httpPath = b.httpPath;
        activityTimeout = b.activityTimeout;
        pongTimeout = b.pongTimeout;
        maxQueuedInboundChars = b.maxQueuedInboundChars;
        reconnectBackoff = b.reconnectBackoff;
        unavailableTimeout = b.unavailableTimeout;
        enabledTransports = b.enabledTransports == null ? null : Set.copyOf(b.enabledTransports);
        disabledTransports = Set.copyOf(b.disabledTransports);
        ignoreNullOrigin = b.ignoreNullOrigin;
        // pusher-js config.ts: enableStats wins if given, else the inverse of disableStats, else off.
        statsEnabled = b.enableStats != null ? b.enableStats : b.disableStats != null && !b.disableStats;
        statsHost = b.statsHost;
        // Map.of() when empty: most clients have none, and an empty copy is 88 bytes kept per client.
        timelineParams = b.timelineParams.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.timelineParams));
        sslContext = b.sslContext;
        proxy = b.proxy;
        localAddress = b.localAddress;
        callbackExecutor = b.callbackExecutor;
        scheduler = b.scheduler;
        runtime = b.runtime;
        autoConnect = b.autoConnect;
        transportProviders = List.copyOf(b.transportProviders);
        this.channelAuthorization = channelAuthorization;
        userAuthentication = b.userAuthentication;
        transportCache = b.transportCache;
    }

    /** {@return a builder with every option at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these options, to derive a variant} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the cluster, {@code mt1} unless set} */
    public String cluster() {
        return cluster;
    }

    /**
     * {@return whether TLS is used ({@code wss://}, {@code https://}); true unless {@code forceTLS(false)}}
     */
    public boolean forceTLS() {
        return forceTLS;
    }

    /** {@return the WebSocket host set explicitly, if any} */
    public Optional<String> wsHost() {
        return Optional.ofNullable(wsHost);
    }

    /** {@return the port for {@code ws://}, default 80} */
    public int wsPort() {
        return wsPort;
    }

    /** {@return the port for {@code wss://}, default 443} */
    public int wssPort() {
        return wssPort;
    }

    /** {@return the path prefix before {@code /app/KEY} in WebSocket URLs, default empty} */
    public String wsPath() {
        return wsPath;
    }

    /** {@return the HTTP fallback host set explicitly, if any} */
    public Optional<String> httpHost() {
        return Optional.ofNullable(httpHost);
    }

    /** {@return the port for {@code http://} fallbacks, default 80} */
    public int httpPort() {
        return httpPort;
    }

    /** {@return the port for {@code https://} fallbacks, default 443} */
    public int httpsPort() {
        return httpsPort;
    }

    /** {@return the path prefix of HTTP fallback and SockJS URLs, default {@code /pusher}} */
    public String httpPath() {
        return httpPath;
    }

    /** {@return idle time before the client pings; the server's value wins when lower} Default 120 s. */
    public Duration activityTimeout() {
        return activityTimeout;
    }

    /** {@return the time to wait for any reply after a ping before reconnecting} Default 30 s. */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /**
     * The most frame text (in chars) a client holds between its socket and its listeners. Frames are read
     * from the socket as they arrive and wait in the client's queue while listeners are busy; the frame
     * that takes the queue past this limit is the last one read: the client reports a
     * {@link ConnectionError.Type#TRANSPORT_ERROR}, drops the connection, delivers everything it had read,
     * in order, and reconnects as after any dropped connection. A listener slower than the event rate
     * thus costs a reconnect, never unbounded memory and never a silently skipped event. Default
     * {@value #DEFAULT_MAX_QUEUED_INBOUND_CHARS} (16 to 32 MiB of heap).
     *
     * @return the limit in chars
     */
    public long maxQueuedInboundChars() {
        return maxQueuedInboundChars;
    }

    /**
     * {@return how reconnecting slows down when it keeps failing; empty for pusher-js's exact timing}
     * Default {@link ReconnectBackoff#DEFAULT}.
     */
    public Optional<ReconnectBackoff> reconnectBackoff() {
        return Optional.ofNullable(reconnectBackoff);
    }

    /** {@return the time in {@code connecting} before the state becomes {@code unavailable}} Default 10 s. */
    public Duration unavailableTimeout() {
        return unavailableTimeout;
    }

    /** {@return the transports allowed, when the option was given (an empty set disables all)} */
    public Optional<Set<String>> enabledTransports() {
        return Optional.ofNullable(enabledTransports);
    }

    /** {@return the transports forbidden; empty unless given} */
    public Set<String> disabledTransports() {
        return disabledTransports;
    }

    /**
     * The Channels docs' "ignore null origin checks for HTTP fallbacks" (PhoneGap): a Java client has no page, so
     * its origin is {@code null}. By default the HTTP fallbacks send no {@code Origin} header; with this
     * option they present that null origin, {@code Origin: null}, as a page-less browser app does, for
     * servers set up to accept it.
     *
     * @return whether the HTTP fallbacks send {@code Origin: null}
     */
    public boolean ignoreNullOrigin() {
        return ignoreNullOrigin;
    }

    /**
     * {@return whether connection metrics are sent to Pusher's stats service
     * ({@code enableStats}/{@code disableStats})}
     * Off by default.
     */
    public boolean statsEnabled() {
        return statsEnabled;
    }

    /**
     * Where stats go ({@code statsHost}, a host with an optional port): {@code /timeline/v2/xhr/2} on it,
     * over TLS when the connection uses TLS. Default {@value #DEFAULT_STATS_HOST}.
     *
     * @return the stats host
     */
    public String statsHost() {
        return statsHost;
    }

    /**
     * {@return extra parameters sent with every stats request ({@code timelineParams}), in insertion order}
     */
    public Map<String, String> timelineParams() {
        return timelineParams;
    }

    /** {@return the TLS context for every transport, if one was given; otherwise the JVM default} */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** {@return the HTTP proxy (host and port) every transport goes through, if given} */
    public Optional<InetSocketAddress> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * {@return the local address every transport's sockets bind to (their source address), if given;
     * otherwise the one the operating system picks}
     */
    public Optional<InetAddress> localAddress() {
        return Optional.ofNullable(localAddress);
    }

    /**
     * {@return where listeners run, if given; otherwise on the client's serial strand}
     * Never shut down by pusherj.
     */
    public Optional<Executor> callbackExecutor() {
        return Optional.ofNullable(callbackExecutor);
    }

    /**
     * {@return the timer and clock to use, if given (tests use a virtual-time one); otherwise a shared real one}
     */
    public Optional<Scheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /**
     * {@return the runtime given with {@link Builder#runtime}, if any} When empty, the client runs on the
     * runtime all such clients of the JVM share, started by the first and stopped with the last.
     */
    public Optional<PusherRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }

    /** {@return whether creating the client connects it (the Channels docs' behaviour)} Default true. */
    public boolean autoConnect() {
        return autoConnect;
    }

    /**
     * {@return transport providers given explicitly; they take precedence over discovered ones for the same slot}
     */
    public List<TransportProvider> transportProviders() {
        return transportProviders;
    }

    /**
     * How private, presence and encrypted channels are authorized: the {@code channelAuthorization}
     * given, else one made from the Channels docs' {@code authEndpoint}, {@code authTransport} and {@code auth}
     * params/headers (pusher-js uses the legacy options only when {@code channelAuthorization} is absent).
     *
     * @return the channel authorization in force
     */
    public AuthOptions<ChannelAuthorizer> channelAuthorization() {
        return channelAuthorization;
    }

    /**
     * {@return the cache of the transport that worked, if one was given; otherwise each client keeps its own}
     */
    public Optional<TransportCache> transportCache() {
        return Optional.ofNullable(transportCache);
    }

    /** {@return how {@link Pusher#signin()} authenticates the user} */
    public AuthOptions<UserAuthenticator> userAuthentication() {
        return userAuthentication;
    }

    /** Readable summary without secrets. */
    @Override
    public String toString() {
        return "PusherOptions{cluster=" + cluster + ", forceTLS=" + forceTLS + ", wsHost="
                + wsHost().orElse("(cluster)")
                + ", wsPort=" + wsPort + ", wssPort=" + wssPort + ", wsPath=" + wsPath
                + ", httpHost=" + httpHost().orElse(wsHost != null ? "(wsHost)" : "(cluster)") + ", activityTimeout="
                + activityTimeout
                + ", pongTimeout=" + pongTimeout + ", enabledTransports=" + enabledTransports()
                + ", disabledTransports=" + disabledTransports + ", channelAuthorization=" + channelAuthorization
                + ", userAuthentication=" + userAuthentication
                + localAddress()
                        .map(a -> ", localAddress=" + a.getHostAddress())
                        .orElse("") + ", reconnectBackoff="
                + reconnectBackoff().map(ReconnectBackoff::toString).orElse("pusher-js timing") + "}";
    }

    /** Mutable builder of {@link PusherOptions}; not thread-safe. */
    public static final class Builder {
        private String cluster = DEFAULT_CLUSTER;
        private boolean forceTLS = true;
        private String wsHost;
        private int wsPort = 80;
        private int wssPort = 443;
        private String wsPath = "";
        private String httpHost;
        private int httpPort = 80;
        private int httpsPort = 443;
        private String httpPath = "/pusher";
        private Duration activityTimeout = DEFAULT_ACTIVITY_TIMEOUT;
        private Duration pongTimeout = DEFAULT_PONG_TIMEOUT;
        private long maxQueuedInboundChars = DEFAULT_MAX_QUEUED_INBOUND_CHARS;
        private ReconnectBackoff reconnectBackoff = ReconnectBackoff.DEFAULT;
        private Duration unavailableTimeout = DEFAULT_UNAVAILABLE_TIMEOUT;
        private Set<String> enabledTransports;
        private Set<String> disabledTransports = Set.of();
        private boolean ignoreNullOrigin;
        private Boolean enableStats;
        private Boolean disableStats;
        private String statsHost = DEFAULT_STATS_HOST;
        private final Map<String, String> timelineParams = new LinkedHashMap<>();
        private SSLContext sslContext;
        private InetSocketAddress proxy;
        private InetAddress localAddress;
        private Executor callbackExecutor;
        private Scheduler scheduler;
        private PusherRuntime runtime;
        private boolean autoConnect = true;
        private List<TransportProvider> transportProviders = new ArrayList<>();
        private AuthOptions<ChannelAuthorizer> channelAuthorization;
        private AuthOptions<UserAuthenticator> userAuthentication =
                AuthOptions.forUsers().build();
        private AuthOptions.Builder<ChannelAuthorizer> legacyAuth = AuthOptions.forChannels();
        private TransportCache transportCache;

        private Builder() {}

        private Builder(PusherOptions o) {
            cluster = o.cluster;
            forceTLS = o.forceTLS;
            wsHost = o.wsHost;
            wsPort = o.wsPort;
            wssPort = o.wssPort;
            wsPath = o.wsPath;
            httpHost = o.httpHost;
            httpPort = o.httpPort;
            httpsPort = o.httpsPort;
            httpPath = o.httpPath;
            activityTimeout = o.activityTimeout;
            pongTimeout = o.pongTimeout;
            maxQueuedInboundChars = o.maxQueuedInboundChars;
            reconnectBackoff = o.reconnectBackoff;
            unavailableTimeout = o.unavailableTimeout;
            enabledTransports = o.enabledTransports;
            disabledTransports = o.disabledTransports;
            ignoreNullOrigin = o.ignoreNullOrigin;
            enableStats = o.statsEnabled;
            statsHost = o.statsHost;
            timelineParams.putAll(o.timelineParams);
            sslContext = o.sslContext;
            proxy = o.proxy;
            localAddress = o.localAddress;
            callbackExecutor = o.callbackExecutor;
            scheduler = o.scheduler;
            runtime = o.runtime;
            autoConnect = o.autoConnect;
            transportProviders = new ArrayList<>(o.transportProviders);
            legacyAuth = o.channelAuthorization.toBuilder();
            userAuthentication = o.userAuthentication;
            transportCache = o.transportCache;
        }

        /**
         * The cluster your app was created in, e.g. {@code eu}. Default {@code mt1}.
         *
         * @param cluster the cluster name: letters, digits or {@code -}
         * @return this builder
         */
        public Builder cluster(String cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
            return this;
        }

        /**
         * Use TLS (default true). {@code false} connects with {@code ws://} and {@code http://}.
         *
         * @param forceTLS whether to use TLS
         * @return this builder
         */
        public Builder forceTLS(boolean forceTLS) {
            this.forceTLS = forceTLS;
            return this;
        }

        /**
         * WebSocket host, e.g. {@code 127.0.0.1} for a local soketi. Default {@code ws-CLUSTER.pusher.com}.
         *
         * @param wsHost a host name or address
         * @return this builder
         */
        public Builder wsHost(String wsHost) {
            this.wsHost = Objects.requireNonNull(wsHost, "wsHost");
            return this;
        }

        /**
         * Port for {@code ws://} (default 80).
         *
         * @param wsPort a port, 1 to 65535
         * @return this builder
         */
        public Builder wsPort(int wsPort) {
            this.wsPort = wsPort;
            return this;
        }

        /**
         * Port for {@code wss://} (default 443).
         *
         * @param wssPort a port, 1 to 65535
         * @return this builder
         */
        public Builder wssPort(int wssPort) {
            this.wssPort = wssPort;
            return this;
        }

        /**
         * Path prefix before {@code /app/KEY}; empty or starting with {@code /}.
         *
         * @param wsPath the prefix, empty or starting with {@code /}
         * @return this builder
         */
        public Builder wsPath(String wsPath) {
            this.wsPath = Objects.requireNonNull(wsPath, "wsPath");
            return this;
        }

        /**
         * Host of the HTTP fallbacks.
         *
         * @param httpHost a host name or address
         * @return this builder
         */
        public Builder httpHost(String httpHost) {
            this.httpHost = Objects.requireNonNull(httpHost, "httpHost");
            return this;
        }

        /**
         * Port for {@code http://} fallbacks (default 80).
         *
         * @param httpPort a port, 1 to 65535
         * @return this builder
         */
        public Builder httpPort(int httpPort) {
            this.httpPort = httpPort;
            return this;
        }

        /**
         * Port for {@code https://} fallbacks (default 443).
         *
         * @param httpsPort a port, 1 to 65535
         * @return this builder
         */
        public Builder httpsPort(int httpsPort) {
            this.httpsPort = httpsPort;
            return this;
        }

        /**
         * Path prefix of the HTTP fallbacks (default {@code /pusher}).
         *
         * @param httpPath the prefix, empty or starting with {@code /}
         * @return this builder
         */
        public Builder httpPath(String httpPath) {
            this.httpPath = Objects.requireNonNull(httpPath, "httpPath");
            return this;
        }

        /**
         * Idle time before pinging; at least 1 ms.
         *
         * @param activityTimeout the idle time
         * @throws IllegalArgumentException if shorter than 1 ms
         * @return this builder
         */
        public Builder activityTimeout(Duration activityTimeout) {
            this.activityTimeout = Durations.atLeastOneMilli("activityTimeout", activityTimeout);
            return this;
        }

        /**
         * Wait for a reply after a ping; at least 1 ms.
         *
         * @param pongTimeout the wait
         * @throws IllegalArgumentException if shorter than 1 ms
         * @return this builder
         */
        public Builder pongTimeout(Duration pongTimeout) {
            this.pongTimeout = Durations.atLeastOneMilli("pongTimeout", pongTimeout);
            return this;
        }

        /**
         * How reconnecting slows down when it keeps failing (see {@link ReconnectBackoff}).
         *
         * @param backoff the schedule
         * @return this builder
         */
        public Builder reconnectBackoff(ReconnectBackoff backoff) {
            this.reconnectBackoff = Objects.requireNonNull(backoff, "reconnectBackoff");
            return this;
        }

        /**
         * How reconnecting slows down when it keeps failing: {@code initial × multiplier^(n-2)} after the
         * n-th failure in a row (n ≥ 2), at most {@code max}, then spread by ± {@code jitter}
         * (see {@link ReconnectBackoff}).
         *
         * @param initial the wait after the second failure in a row, at least 1 ms
         * @param multiplier at least 1
         * @param jitter from 0 up to, not including, 1
         * @param max the longest wait before jitter, from {@code initial} to one day
         * @return this builder
         */
        public Builder reconnectBackoff(Duration initial, double multiplier, double jitter, Duration max) {
            return reconnectBackoff(new ReconnectBackoff(initial, multiplier, jitter, max));
        }

        /**
         * pusher-js's exact reconnect timing: no backoff, no jitter. Each close code always gets the same
         * wait (4200-4299 reconnect at once, every time) and a refused transport is tried again when its
         * retry loop's time budget ends (15 s, 30 s, then 60 s).
         *
         * @return this builder
         */
        public Builder pusherJsReconnectTiming() {
            this.reconnectBackoff = null;
            return this;
        }

        /**
         * See {@link PusherOptions#maxQueuedInboundChars()}; positive.
         *
         * @param chars the limit in chars, positive
         * @return this builder
         */
        public Builder maxQueuedInboundChars(long chars) {
            this.maxQueuedInboundChars = chars;
            return this;
        }

        /**
         * Time in {@code connecting} before {@code unavailable}; at least 1 ms.
         *
         * @param unavailableTimeout the time
         * @throws IllegalArgumentException if shorter than 1 ms
         * @return this builder
         */
        public Builder unavailableTimeout(Duration unavailableTimeout) {
            this.unavailableTimeout = Durations.atLeastOneMilli("unavailableTimeout", unavailableTimeout);
            return this;
        }

        /**
         * Only these transports may be used (names from {@link TransportNames}).
         *
         * @param names the allowed slot names; none disables every transport
         * @return this builder
         */
        public Builder enabledTransports(String... names) {
            this.enabledTransports = new LinkedHashSet<>(List.of(names));
            return this;
        }

        /**
         * These transports must not be used (names from {@link TransportNames}).
         *
         * @param names the forbidden slot names
         * @return this builder
         */
        public Builder disabledTransports(String... names) {
            this.disabledTransports = new LinkedHashSet<>(List.of(names));
            return this;
        }

        /**
         * See {@link PusherOptions#ignoreNullOrigin()}.
         *
         * @param ignoreNullOrigin whether to ignore it
         * @return this builder
         */
        public Builder ignoreNullOrigin(boolean ignoreNullOrigin) {
            this.ignoreNullOrigin = ignoreNullOrigin;
            return this;
        }

        /**
         * Send connection metrics to Pusher (default off). Wins over {@link #disableStats(boolean)}.
         *
         * @param enableStats whether to send stats
         * @return this builder
         */
        public Builder enableStats(boolean enableStats) {
            this.enableStats = enableStats;
            return this;
        }

        /**
         * Deprecated inverse of {@link #enableStats(boolean)}, kept because the Channels docs document it.
         *
         * @param disableStats whether to not send stats
         * @return this builder
         */
        public Builder disableStats(boolean disableStats) {
            this.disableStats = disableStats;
            return this;
        }

        /**
         * TLS context for WebSocket and HTTP transports and auth (custom trust store, client certificates).
         * Give every client the same instance: pusherj shares one WebSocket and one HTTP client per TLS
         * context instance (and proxy), so a new context per client means new threads per client.
         *
         * @param sslContext the TLS context, shared between clients
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * See {@link PusherOptions#statsHost()}: a host name or address, with an optional {@code :port}.
         *
         * @param statsHost the host, with an optional port
         * @return this builder
         */
        public Builder statsHost(String statsHost) {
            this.statsHost = Objects.requireNonNull(statsHost, "statsHost");
            return this;
        }

        /**
         * Adds a parameter to every stats request ({@code timelineParams}).
         *
         * @param name the parameter name
         * @param value its value
         * @return this builder
         */
        public Builder timelineParam(String name, String value) {
            timelineParams.put(
                    Objects.requireNonNull(name, "timeline param name"),
                    Objects.requireNonNull(value, "timeline param value"));
            return this;
        }

        /**
         * HTTP proxy every transport goes through.
         *
         * @param host the proxy host (resolved when connecting)
         * @param port the proxy port
         * @return this builder
         */
        public Builder proxy(String host, int port) {
            Objects.requireNonNull(host, "proxy host");
            this.proxy = InetSocketAddress.createUnresolved(host, port);
            return this;
        }

        /**
         * Local address every transport's sockets bind to: their source address (the port stays the operating
         * system's choice). One source address has about 28,000 ephemeral ports towards one server address;
         * clients spread over several local addresses (NICs, or loopback aliases such as {@code 127.0.0.2})
         * can hold more connections than that. Clients share one WebSocket and one HTTP client per local
         * address, as per TLS context and proxy. The address must be one of this machine's; otherwise every
         * connect fails (and is reported) like any other unreachable route.
         *
         * @param localAddress the address to connect from
         * @return this builder
         */
        public Builder localAddress(InetAddress localAddress) {
            this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
            return this;
        }

        /**
         * Run listeners on this executor (e.g. a UI thread); events stay in order.
         *
         * @param callbackExecutor runs listener calls, one at a time per client
         * @return this builder
         */
        public Builder callbackExecutor(Executor callbackExecutor) {
            this.callbackExecutor = Objects.requireNonNull(callbackExecutor, "callbackExecutor");
            return this;
        }

        /**
         * Timer and clock; tests pass a virtual-time scheduler from {@code pusher-testkit}.
         *
         * @param scheduler the timer and clock
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Run the client on a runtime the application owns (its threads and shared connections) instead of
         * the JVM-wide shared one. Closing the client leaves the runtime running; closing the runtime closes
         * the client.
         *
         * @param runtime from {@link PusherRuntime#create()}, not closed
         * @return this builder
         */
        public Builder runtime(PusherRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /**
         * Whether creating the client connects it (default true, as the Channels docs say).
         *
         * @param autoConnect whether to connect on creation
         * @return this builder
         */
        public Builder autoConnect(boolean autoConnect) {
            this.autoConnect = autoConnect;
            return this;
        }

        /**
         * The Channels docs' {@code authEndpoint}: where private and presence channels are authorized. Must be an
         * absolute http(s) URI (Java has no page to resolve {@code /pusher/auth} against).
         *
         * @param uri an absolute http or https URI
         * @return this builder
         * @throws IllegalArgumentException for a relative or non-http URI
         */
        public Builder authEndpoint(String uri) {
            legacyAuth.endpoint(uri);
            return this;
        }

        /**
         * The Channels docs' {@code authTransport}: {@code ajax} (default) or {@code jsonp}.
         *
         * @param transport {@code ajax} or {@code jsonp}
         * @return this builder
         */
        public Builder authTransport(String transport) {
            legacyAuth.transport(transport);
            return this;
        }

        /**
         * The Channels docs' {@code auth.params}: one extra parameter for the auth request.
         *
         * @param name the parameter name
         * @param value its value
         * @return this builder
         */
        public Builder authParam(String name, String value) {
            legacyAuth.param(name, value);
            return this;
        }

        /**
         * The Channels docs' {@code auth.headers}: one extra header for the auth request (ajax only).
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder authHeader(String name, String value) {
            legacyAuth.header(name, value);
            return this;
        }

        /**
         * pusher-js's {@code channelAuthorization}; when set, the Channels docs' auth options are ignored.
         *
         * @param options the endpoint, transport, params and headers, or a custom handler
         * @return this builder
         */
        public Builder channelAuthorization(AuthOptions<ChannelAuthorizer> options) {
            this.channelAuthorization = Objects.requireNonNull(options, "channelAuthorization");
            return this;
        }

        /**
         * pusher-js's {@code userAuthentication}, used by {@link Pusher#signin()}.
         *
         * @param options the endpoint, transport, params and headers, or a custom handler
         * @return this builder
         */
        public Builder userAuthentication(AuthOptions<UserAuthenticator> options) {
            this.userAuthentication = Objects.requireNonNull(options, "userAuthentication");
            return this;
        }

        /**
         * Where the transport that worked is remembered (share one between clients, or persist it).
         *
         * @param cache the cache
         * @return this builder
         */
        public Builder transportCache(TransportCache cache) {
            this.transportCache = Objects.requireNonNull(cache, "transportCache");
            return this;
        }

        /**
         * Adds a transport provider explicitly (custom transports, tests).
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder addTransportProvider(TransportProvider provider) {
            transportProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         * @throws IllegalArgumentException naming the first invalid option
         */
        public PusherOptions build() {
            // Each check builds its message only when it fails: a message concatenated on the passing path
            // costs nothing later but links a string-concatenation call site per check the first time, a
            // good part of a fresh JVM's first connect.
            if (!CLUSTER.matcher(cluster).matches()) {
                throw invalid("cluster must be letters, digits or '-', got '" + cluster + "'");
            }
            if (wsHost != null) {
                checkHost("wsHost", wsHost);
            }
            if (httpHost != null) {
                checkHost("httpHost", httpHost);
            }
            checkPort("wsPort", wsPort);
            checkPort("wssPort", wssPort);
            checkPort("httpPort", httpPort);
            checkPort("httpsPort", httpsPort);
            checkPath("wsPath", wsPath);
            checkPath("httpPath", httpPath);
            checkPositive("activityTimeout", activityTimeout);
            checkPositive("pongTimeout", pongTimeout);
            checkPositive("unavailableTimeout", unavailableTimeout);
            checkHost("statsHost", statsHost);
            if (maxQueuedInboundChars <= 0) {
                throw invalid("maxQueuedInboundChars must be positive, got " + maxQueuedInboundChars);
            }
            if (enabledTransports != null) {
                checkTransportNames("enabledTransports", enabledTransports);
            }
            checkTransportNames("disabledTransports", disabledTransports);
            if (proxy != null) {
                checkHost("proxy host", proxy.getHostString());
                checkPort("proxy port", proxy.getPort());
            }
            return new PusherOptions(this, channelAuthorization != null ? channelAuthorization : legacyAuth.build());
        }

        private static void checkHost(String option, String host) {
            if (host.isBlank() || !HOST.matcher(host).matches()) {
                throw invalid(option + " must be a host name or address without scheme or path, got '" + host + "'");
            }
        }

        private static void checkPort(String option, int port) {
            if (port < 1 || port > 65535) {
                throw invalid(option + " must be between 1 and 65535, got " + port);
            }
        }

        private static void checkPath(String option, String path) {
            if (!path.isEmpty() && (!path.startsWith("/") || path.contains("?") || path.contains("#"))) {
                throw invalid(option + " must be empty or start with '/' (no query), got '" + path + "'");
            }
        }

        private static void checkPositive(String option, Duration d) {
            Durations.atLeastOneMilli(option, d);
        }

        private static void checkTransportNames(String option, Set<String> names) {
            for (String name : names) {
                if (name == null || !TransportNames.ALL.contains(name)) {
                    throw invalid(option + " contains unknown transport '" + name + "'; known: "
                            + new TreeSet<>(TransportNames.ALL));
                }
            }
        }

        private static IllegalArgumentException invalid(String message) {
            return new IllegalArgumentException(message);
        }
    }
}
