package io.pusherj.server;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.Endpoints;
import io.pusherj.server.internal.RecordedList;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A Pusher-protocol server for tests, bound to a loopback address (port 0 by default), in the spirit of
 * OkHttp's MockWebServer. It speaks the WebSocket protocol on {@code /app/{key}} (any path prefix, so
 * {@code wsPath} works) and Pusher's HTTP API for publishing ({@code POST /apps/{id}/events} and
 * {@code /batch_events}, signed like Pusher's REST API). Public and {@code cache-} channels,
 * subscription counts, ping/pong, and scriptable faults.
 *
 * <pre>{@code
 * try (PusherTestServer server = PusherTestServer.start()) {
 *     Pusher pusher = Pusher.create(server.appKey(), server.clientOptions().build());
 *     ...
 *     server.publish("news", "story", "{\"id\":1}");
 * }
 * }</pre>
 */
public final class PusherTestServer implements AutoCloseable {
    private final Builder config;
    private final Server jetty;
    private final ScheduledExecutorService timer;
    private final RecordedList<ServerConnection> connections = new RecordedList<>();
    private final RecordedList<String> publishedViaHttp = new RecordedList<>();
    private final AtomicLong socketCounter = new AtomicLong(1000);
    private final RecordedList<ReceivedAuthRequest> authRequests = new RecordedList<>();
    private final ChannelEncryption encryption;
    private final AppSigner signer;
    private final Broker broker;
    private final ServerFaults faults = new ServerFaults();
    private volatile int activityTimeoutSeconds;

    private PusherTestServer(Builder config) {
        this.config = config;
        this.activityTimeoutSeconds = config.activityTimeoutSeconds;
        this.encryption = new ChannelEncryption(config.encryptionMasterKey);
        this.signer = new AppSigner(config.appKey, config.appSecret, encryption);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pusher-testkit-timer");
            t.setDaemon(true);
            return t;
        });
        this.broker = new Broker(
                signer, encryption, config.subscriptionCount, config.largeCountPeriod, timer, config.onSubscribed);
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("pusher-testkit");
        threads.setDaemon(true);
        jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost(config.host);
        connector.setPort(config.port);
        jetty.addConnector(connector);
        if (config.tls) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(
                    TestCertificate.forNames(config.certificateNames).keyStore().toString());
            ssl.setKeyStorePassword(TestCertificate.PASSWORD);
            ssl.setKeyStoreType("PKCS12");
            ServerConnector tlsConnector = new ServerConnector(
                    jetty, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory());
            tlsConnector.setHost(config.host);
            tlsConnector.setPort(config.tlsPort);
            jetty.addConnector(tlsConnector);
        }
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, context, container -> {
            container.setIdleTimeout(Duration.ofHours(1));
            container.addMapping("^(/.*)?/[^/]+/[^/]+/websocket$", (request, response, callback) -> {
                if (faults.isBlocked("sockjs") || faults.isBlocked("sockjs-websocket")) {
                    Response.writeError(request, response, callback, 503, "refused by the test server");
                    return null;
                }
                return SockJsWebSocket.endpoint(this);
            });
            container.addMapping("^(/.*)?/app/[^/]+$", (request, response, callback) -> {
                if (faults.isBlocked("ws")) {
                    Response.writeError(request, response, callback, 503, "refused by the test server");
                    return null;
                }
                String path = request.getHttpURI().getPath();
                String key = path.substring(path.lastIndexOf('/') + 1);
                String query = request.getHttpURI().getQuery();
                return new ServerConnection(this, key, path + (query == null ? "" : "?" + query), "ws").endpoint();
            });
        });
        ws.setHandler(new Handler.Sequence(
                new RestApiHandler(this, config.appId, config.appKey, config.appSecret),
                new HttpFallbackHandler(this),
                new SockJsHandler(this),
                new StatsEndpointHandler(this),
                new AuthEndpointHandler(this)));
        context.setHandler(ws);
        jetty.setHandler(context);
    }

    /**
     * Starts a server with the defaults ({@code app-id}, {@code app-key}, {@code app-secret}, 127.0.0.1, a free port).
     *
     * @return the running server, or proxy
     */
    public static PusherTestServer start() {
        return builder().start();
    }

    /** {@return a builder for a customised server} */
    public static Builder builder() {
        return new Builder();
    }

    private PusherTestServer startJetty() {
        try {
            jetty.start();
        } catch (Exception e) {
            timer.shutdownNow();
            throw new IllegalStateException("test server failed to start on " + config.host + ":" + config.port, e);
        }
        return this;
    }

    /** {@return the host the server is bound to} */
    public String host() {
        return config.host;
    }

    /** {@return the bound port} */
    public int port() {
        return portOf((ServerConnector) jetty.getConnectors()[0]);
    }

    /** The port a connector listens on, or would again after {@link #startAccepting()}. */
    private static int portOf(ServerConnector c) {
        int local = c.getLocalPort();
        return local > 0 ? local : c.getPort();
    }

    /**
     * Stops listening, as a server that exits or restarts does: open connections are dropped and new
     * ones refused (connection refused, not an HTTP error), until {@link #startAccepting()} listens again
     * on the same ports. What the server knows (cached events, settings) is kept.
     */
    public synchronized void stopAccepting() {
        for (var connector : jetty.getConnectors()) {
            ServerConnector c = (ServerConnector) connector;
            if (c.isRunning()) {
                c.setPort(portOf(c)); // a restart must find the same port, also when it was chosen at random
                try {
                    c.stop();
                } catch (Exception e) {
                    throw new IllegalStateException("the test server could not stop listening", e);
                }
            }
        }
    }

    /** Listens again on the same ports after {@link #stopAccepting()}. */
    public synchronized void startAccepting() {
        for (var connector : jetty.getConnectors()) {
            ServerConnector c = (ServerConnector) connector;
            if (!c.isRunning()) {
                try {
                    c.start();
                } catch (Exception e) {
                    throw new IllegalStateException("the test server could not listen again on port " + c.getPort(), e);
                }
            }
        }
    }

    /** {@return the TLS port, when the server was built with {@link Builder#tls(boolean)}} */
    public int tlsPort() {
        if (!config.tls) {
            throw new IllegalStateException("this server has no TLS port; build it with tls(true)");
        }
        return portOf((ServerConnector) jetty.getConnectors()[1]);
    }

    /**
     * A TLS context that trusts this server's self-signed certificate (for 127.0.0.1 and localhost). The
     * same instance every time: pusherj shares its WebSocket and HTTP clients per TLS context instance.
     *
     * @return the TLS context
     */
    public synchronized SSLContext clientSslContext() {
        if (clientSslContext == null) {
            clientSslContext = TestCertificate.forNames(config.certificateNames).trustingContext();
        }
        return clientSslContext;
    }

    /**
     * The TLS port's self-signed certificate in PEM form, for clients that trust a CA file instead of an
     * {@link SSLContext}: Node's {@code NODE_EXTRA_CA_CERTS}, curl's {@code --cacert}, the CLI's {@code --ca-cert}.
     *
     * @return the certificate, PEM-encoded
     * @throws IllegalStateException if the server was built without TLS
     */
    public String tlsCertificatePem() {
        if (!config.tls) {
            throw new IllegalStateException("this test server has no TLS port; build it with tls(true)");
        }
        return TestCertificate.forNames(config.certificateNames).pem();
    }

    private SSLContext clientSslContext;

    /** {@return the app id of the HTTP API} */
    public String appId() {
        return config.appId;
    }

    /** {@return the app key clients connect with} */
    public String appKey() {
        return config.appKey;
    }

    /** {@return the app secret that signs HTTP API requests} */
    public String appSecret() {
        return config.appSecret;
    }

    /**
     * {@code ws://host:port/app/KEY}.
     *
     * @return the URI
     */
    public URI webSocketUri() {
        return URI.create("ws://" + config.host + ":" + port() + "/app/" + config.appKey);
    }

    /**
     * Where a transport under test connects to reach this server (the port serves every scheme it has,
     * plain or TLS), for the testkit's {@code TestTransportContext}.
     *
     * @return the endpoints
     */
    public Endpoints endpoints() {
        return new Endpoints(config.host, port(), port(), "", config.host, port(), port(), "/pusher");
    }

    /**
     * {@code http://host:port}, the base of the HTTP API.
     *
     * @return the URI
     */
    public URI httpUri() {
        return URI.create("http://" + config.host + ":" + port());
    }

    /**
     * Client options pointing at this server: wsHost/wsPort/httpHost/httpPort set, TLS off. With
     * {@link Builder#tls(boolean)} also wssPort/httpsPort and a TLS context trusting the server, so
     * {@code forceTLS(true)} connects too.
     *
     * @return a builder, to add options before {@code build()}
     */
    public PusherOptions.Builder clientOptions() {
        PusherOptions.Builder b = PusherOptions.builder()
                .wsHost(config.host)
                .wsPort(port())
                .httpHost(config.host)
                .httpPort(port())
                .forceTLS(false);
        if (config.tls) {
            b.wssPort(tlsPort()).httpsPort(tlsPort()).sslContext(clientSslContext());
        }
        return b;
    }

    // --- publishing ---------------------------------------------------------------------------------

    /**
     * Delivers an event to every subscriber of {@code channel}, as the HTTP API would.
     *
     * @param channel the channel name
     * @param event the event name
     * @param data the event data
     * @return the number of connections it was sent to
     */
    public int publish(String channel, String event, String data) {
        return publish(channel, event, data, null);
    }

    int publish(String channel, String event, String data, String excludeSocketId) {
        return broker.publish(channel, event, data, excludeSocketId);
    }

    void recordHttpPublish(String body) {
        publishedViaHttp.add(body);
    }

    /**
     * Bodies of accepted HTTP API publish requests, in order.
     *
     * @return the bodies, in order
     */
    public List<String> httpPublishes() {
        return publishedViaHttp.snapshot();
    }

    /**
     * Waits until {@code count} HTTP API publish requests were accepted.
     *
     * @param count how many requests
     * @param timeout how long to wait
     * @return the bodies, in order
     */
    public List<String> awaitHttpPublishes(int count, Duration timeout) {
        return publishedViaHttp.await(b -> true, count, timeout, "HTTP publishes");
    }

    /**
     * The user ids present on a presence channel, in join order.
     *
     * @param channel the presence channel name
     * @return the user ids, in join order
     */
    public List<String> presenceUserIds(String channel) {
        return broker.presenceUserIds(channel);
    }

    /**
     * The number of open connections subscribed to {@code channel}.
     *
     * @param channel the channel name
     * @return the number of subscribed connections
     */
    public int subscriberCount(String channel) {
        return broker.subscriberCount(channel);
    }

    /**
     * Waits until {@code channel} has exactly {@code count} subscribers.
     *
     * @param channel the channel name
     * @param count the exact count
     * @param timeout how long to wait
     */
    public void awaitSubscriberCount(String channel, int count, Duration timeout) {
        broker.awaitSubscriberCount(channel, count, timeout);
    }

    // --- connections --------------------------------------------------------------------------------

    /** {@return every connection accepted so far (open or closed), in order} */
    public List<ServerConnection> connections() {
        return connections.snapshot();
    }

    /**
     * Waits until {@code count} connections have been accepted; returns them all.
     *
     * @param count how many connections
     * @param timeout how long to wait
     * @return every connection accepted so far, in order
     */
    public List<ServerConnection> awaitConnections(int count, Duration timeout) {
        connections.await(c -> true, count, timeout, "client connections");
        return connections.snapshot();
    }

    /**
     * Waits for the {@code n}-th connection (1-based) and returns it.
     *
     * @param n which connection, from 1
     * @param timeout how long to wait
     * @return the connection
     */
    public ServerConnection awaitConnection(int n, Duration timeout) {
        return awaitConnections(n, timeout).get(n - 1);
    }

    /** {@return every frame received from any client, in arrival order per connection} */
    public List<String> receivedFrames() {
        return connections.snapshot().stream()
                .flatMap(c -> c.receivedFrames().stream())
                .toList();
    }

    // --- authorization --------------------------------------------------------------------------------

    /**
     * Auth parameter that makes the auth endpoint answer a presence channel without {@code channel_data},
     * as an app server does that relies on the signed-in user's identity: {@code omit_channel_data=true}.
     */
    public static final String OMIT_CHANNEL_DATA = "omit_channel_data";

    /**
     * {@return the auth endpoint, {@code http://host:port/pusher/auth}, signing with the app secret
     * (ajax and jsonp); parameters {@code user_id} and {@code user_name} choose the presence user, and
     * {@link #OMIT_CHANNEL_DATA} leaves {@code channel_data} out}
     */
    public URI authEndpoint() {
        return URI.create(httpUri() + AuthEndpointHandler.CHANNEL_AUTH_PATH);
    }

    /** {@return every request the auth endpoint received, in order} */
    public List<ReceivedAuthRequest> authRequests() {
        return authRequests.snapshot();
    }

    /**
     * Waits until the auth endpoint received {@code count} requests.
     *
     * @param count how many requests
     * @param timeout how long to wait
     * @return every auth request so far, in order
     */
    public List<ReceivedAuthRequest> awaitAuthRequests(int count, Duration timeout) {
        return authRequests.await(r -> true, count, timeout, "auth requests");
    }

    void recordAuthRequest(ReceivedAuthRequest r) {
        authRequests.add(r);
    }

    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return timer.schedule(task, delay, unit);
    }

    // --- stats ----------------------------------------------------------------------------------------

    private final RecordedList<ReceivedStats> statsRequests = new RecordedList<>();
    private volatile String statsAnswer = "{}";

    /** {@return the {@code statsHost} that sends a client's stats here: {@code 127.0.0.1:port}} */
    public String statsHost() {
        return config.host + ":" + port();
    }

    /** {@return every stats request received, in order, decoded} */
    public List<ReceivedStats> statsRequests() {
        return statsRequests.snapshot();
    }

    /**
     * Waits until {@code count} stats requests have arrived; returns them all.
     *
     * @param count how many requests
     * @param timeout how long to wait
     * @return every stats request so far, in order
     */
    public List<ReceivedStats> awaitStatsRequests(int count, Duration timeout) {
        return statsRequests.await(r -> true, count, timeout, "stats requests");
    }

    /**
     * The JSON the stats endpoint answers with ({@code {}} by default; {@code {"host":"…"}} moves the client).
     *
     * @param json the JSON body
     */
    public void statsAnswer(String json) {
        statsAnswer = Objects.requireNonNull(json, "json");
    }

    String statsAnswer() {
        return statsAnswer;
    }

    void recordStats(ReceivedStats stats) {
        statsRequests.add(stats);
    }

    /** {@return the sign-in endpoint, {@code http://host:port/pusher/user-auth}} */
    public URI userAuthEndpoint() {
        return URI.create(httpUri() + AuthEndpointHandler.USER_AUTH_PATH);
    }

    /** {@return the app-server role: auth endpoint answers and signature checks} */
    AppSigner signer() {
        return signer;
    }

    /**
     * Sends an event to every connection signed in as {@code userId} (Pusher's "send to user"), on its
     * {@code #server-to-user-ID} channel.
     *
     * @param userId the user id
     * @param event the event name
     * @param data the event data
     * @return the number of connections it was sent to
     */
    public int sendToUser(String userId, String event, String data) {
        return publish("#server-to-user-" + userId, event, data);
    }

    // --- faults ---------------------------------------------------------------------------------------

    /**
     * Replaces the encryption master key (as an app rotating its key): later events and authorizations of
     * {@code private-encrypted-} channels use keys derived from it.
     *
     * @param masterKey 32 bytes
     */
    public void encryptionMasterKey(byte[] masterKey) {
        encryption.masterKey(masterKey);
    }

    /**
     * {@return the faults this server plays: refused or blocked transports, handshakes delayed, failed,
     * replaced or held, auth endpoint failures, HTTP fallback quirks} Set them on a running server; each
     * applies to what comes next.
     */
    public ServerFaults faults() {
        return faults;
    }

    /** A SockJS session's connection, started by its path message; null if the message is not one. */
    ServerConnection sockJsConnection(String message, Peer peer) {
        String path = SockJsPaths.path(message);
        return path == null ? null : new ServerConnection(this, SockJsPaths.key(path), path, "sockjs");
    }

    /** A socket id in Pusher's {@code digits.digits} form, unique on this server. */
    String newSocketId() {
        return socketCounter.incrementAndGet() + "."
                + ThreadLocalRandom.current().nextInt(1, 10_000_000);
    }

    /**
     * The {@code activity_timeout} (seconds) announced to new connections.
     *
     * @param seconds the timeout in seconds
     */
    public void activityTimeoutSeconds(int seconds) {
        activityTimeoutSeconds = seconds;
    }

    /**
     * Closes every open connection with a code and reason.
     *
     * @param code the close code
     * @param reason the close reason
     */
    public void closeAll(int code, String reason) {
        connections.snapshot().stream().filter(ServerConnection::isOpen).forEach(c -> c.close(code, reason));
    }

    // --- protocol -------------------------------------------------------------------------------------

    void opened(ServerConnection c) {
        // The handshake a connection gets is decided before anyone can see the connection: a test that
        // waits for it and then changes the handshake faults changes those of the next connections only.
        Integer failCode = faults.handshakeErrorCode();
        String replacement = faults.handshakeReplacement();
        boolean hold = faults.holdsHandshakes();
        connections.add(c);
        Runnable handshake = () -> {
            if (!config.appKey.equals(c.appKey())) {
                c.sendRaw(ServerFrames.error(
                        4001,
                        "App key " + c.appKey() + " not in this cluster. Did you forget to specify the cluster?"));
                c.close(4001, "App key not found");
            } else if (failCode != null) {
                c.sendRaw(ServerFrames.error(failCode, "handshake refused by the test server"));
                c.close(failCode, "handshake refused by the test server");
            } else if (replacement != null) {
                c.sendRaw(replacement);
            } else if (!hold) {
                String id = newSocketId();
                c.socketId(id);
                c.send(ServerFrames.connectionEstablished(id, activityTimeoutSeconds));
            }
        };
        Duration delay = faults.handshakeDelay();
        if (delay.isZero()) {
            handshake.run();
        } else {
            timer.schedule(handshake, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A connection closed: its channels hear of it on the timer's thread, not on the caller's. Jetty reports
     * a close from inside a send to that connection, under the peer's lock (which keeps its frames in
     * order); telling the channel's other subscribers there, under their locks, deadlocked two threads
     * closing two peers of one channel (found by {@code pusherj bench} with thousands of clients).
     */
    void closed(ServerConnection c) {
        try {
            timer.execute(() -> broker.closed(c));
        } catch (RejectedExecutionException e) {
            broker.closed(c); // the server is stopping: nothing else is sent any more
        }
    }

    void frameReceived(ServerConnection c, String text) {
        broker.frameReceived(c, text);
    }

    /** Stops the server; open connections are dropped. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("test server failed to stop", e);
        } finally {
            timer.shutdownNow();
        }
    }

    /** Configures a {@link PusherTestServer}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String appId = "app-id";
        private String appKey = "app-key";
        private String appSecret = "app-secret";
        private int activityTimeoutSeconds = 120;
        private boolean subscriptionCount = true;
        private Duration largeCountPeriod = Duration.ofSeconds(Broker.LARGE_COUNT_PERIOD_SECONDS);
        private boolean tls;
        private int tlsPort;
        private byte[] encryptionMasterKey = ChannelEncryption.DEFAULT_MASTER_KEY;
        private BiConsumer<ServerConnection, String> onSubscribed = (c, channel) -> {};
        private String certificateNames = TestCertificate.LOOPBACK;

        private Builder() {}

        /**
         * Called on a server thread after a connection subscribed to a channel and was told so; a load
         * test's feeder, for instance, starts {@link ServerConnection#flood} from here (on its own thread).
         *
         * @param listener gets the connection and the channel name
         * @return this builder
         */
        public Builder onSubscribed(BiConsumer<ServerConnection, String> listener) {
            this.onSubscribed = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * Also serve everything over TLS on a second port, with a self-signed certificate.
         *
         * @param enabled whether to serve TLS
         * @return this builder
         */
        public Builder tls(boolean enabled) {
            this.tls = enabled;
            return this;
        }

        /**
         * The 32-byte master key of encrypted channels (default: bytes 0..31, the vector of docs/protocol.md §9).
         *
         * @param masterKey 32 bytes
         * @return this builder
         */
        public Builder encryptionMasterKey(byte[] masterKey) {
            this.encryptionMasterKey = ChannelEncryption.checkKey(masterKey);
            return this;
        }

        /**
         * Serve TLS with a certificate for this DNS name only instead of 127.0.0.1 and localhost; the
         * {@link PusherTestServer#clientSslContext()} still trusts it, so a client that connects to
         * 127.0.0.1 must refuse it by hostname verification alone.
         *
         * @param dnsName the certificate's only name
         * @return this builder
         */
        public Builder tlsCertificateFor(String dnsName) {
            if (!dnsName.matches("[a-z0-9.-]+")) {
                throw new IllegalArgumentException("a plain DNS name: " + dnsName);
            }
            this.certificateNames = "dns:" + dnsName;
            return this;
        }

        /**
         * The TLS port (0, the default, picks a free one).
         *
         * @param port the port
         * @return this builder
         */
        public Builder tlsPort(int port) {
            this.tlsPort = port;
            return this;
        }

        /**
         * A loopback address to bind (default 127.0.0.1); other addresses are refused.
         *
         * @param host the address
         * @return this builder
         */
        public Builder host(String host) {
            try {
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    throw new IllegalArgumentException("the test server binds loopback addresses only, not " + host);
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host " + host, e);
            }
            this.host = host;
            return this;
        }

        /**
         * The port (0, the default, picks a free one).
         *
         * @param port the port
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The app id (default {@code app-id}).
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = Objects.requireNonNull(appId);
            return this;
        }

        /**
         * The app key (default {@code app-key}).
         *
         * @param appKey the app key
         * @return this builder
         */
        public Builder appKey(String appKey) {
            this.appKey = Objects.requireNonNull(appKey);
            return this;
        }

        /**
         * The app secret (default {@code app-secret}).
         *
         * @param appSecret the app secret
         * @return this builder
         */
        public Builder appSecret(String appSecret) {
            this.appSecret = Objects.requireNonNull(appSecret);
            return this;
        }

        /**
         * The {@code activity_timeout} announced in the handshake, in seconds (default 120).
         *
         * @param seconds the timeout in seconds
         * @return this builder
         */
        public Builder activityTimeoutSeconds(int seconds) {
            this.activityTimeoutSeconds = seconds;
            return this;
        }

        /**
         * Whether to send {@code pusher_internal:subscription_count} (default true).
         *
         * @param enabled whether to send it
         * @return this builder
         */
        public Builder subscriptionCount(boolean enabled) {
            this.subscriptionCount = enabled;
            return this;
        }

        /**
         * How often at most a channel of more than 100 subscribers hears its count (default 30 s); a change
         * within the period is sent when it ends. Shorter in tests of that rule.
         *
         * @param period the period, positive
         * @return this builder
         */
        public Builder largeCountPeriod(Duration period) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("largeCountPeriod must be positive, got " + period);
            }
            this.largeCountPeriod = period;
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server, or proxy
         */
        public PusherTestServer start() {
            return new PusherTestServer(this).startJetty();
        }
    }
}
