package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.CONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectProxy;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.VirtualScheduler;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** wss with a custom SSLContext, the 4000 switch to TLS, and the HTTP proxy option, over 127.0.0.1. */
class TlsAndProxyTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension(b -> b.tls(true));

    PusherTestServer server;

    @BeforeEach
    void bindServer() {
        server = testServers.server();
    }

    Pusher client(PusherOptions options) {
        return testServers.track(Pusher.create(server.appKey(), options));
    }

    @Test
    void connectsOverWssWithTheGivenSslContext() {
        Pusher p =
                client(server.clientOptions().forceTLS(true).autoConnect(false).build());
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        ServerConnection conn = server.connections().stream()
                .filter(c -> c.socketId().equals(p.connection().socketId().orElseThrow()))
                .findFirst()
                .orElseThrow();
        assertTrue(conn.isSecure());
        assertEquals("ws", p.connection().transport().orElseThrow(), "the ws slot uses wss:// under TLS");
    }

    @Test
    void anUntrustedCertificateIsATransportErrorNotAConnection() {
        PusherOptions withoutTrust = PusherOptions.builder()
                .wsHost(server.host())
                .wssPort(server.tlsPort())
                .forceTLS(true)
                .autoConnect(false)
                .build();
        Pusher p = client(withoutTrust);
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        ConnectionError e = rec.awaitError(x -> x.type() == ConnectionError.Type.TRANSPORT_ERROR, WAIT);
        assertTrue(e.message().contains(server.host() + ":" + server.tlsPort()), e.message());
        assertFalse(rec.states().contains(CONNECTED));
    }

    @Test
    void closeCode4000ReconnectsOverTls() {
        VirtualScheduler time = new VirtualScheduler();
        Pusher p =
                client(server.clientOptions().autoConnect(false).scheduler(time).build());
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        EventRecorder events = new EventRecorder();
        p.subscribe("secure-news").bind("story", events);
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        ServerConnection plain = server.connections().stream()
                .filter(c -> c.socketId().equals(p.connection().socketId().orElseThrow()))
                .findFirst()
                .orElseThrow();
        assertFalse(plain.isSecure());

        plain.close(4000, "Application only accepts TLS");
        rec.awaitState(CONNECTING, 2, WAIT);
        time.runUntilIdle();
        rec.awaitState(CONNECTED, 2, WAIT);
        ServerConnection secure = server.connections().stream()
                .filter(c -> c.socketId().equals(p.connection().socketId().orElseThrow()))
                .findFirst()
                .orElseThrow();
        assertTrue(secure.isSecure());
        server.awaitSubscriberCount("secure-news", 1, WAIT);
        server.publish("secure-news", "story", "over tls");
        assertEquals("over tls", events.await(1, WAIT).get(0).data());
    }

    @Test
    void authorizesOverHttpsWithTheGivenSslContextThroughTheProxy() {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            String httpsAuth = "https://127.0.0.1:" + server.tlsPort() + "/pusher/auth";
            Pusher p = client(server.clientOptions()
                    .forceTLS(true)
                    .proxy(proxy.host(), proxy.port())
                    .authEndpoint(httpsAuth)
                    .autoConnect(false)
                    .build());
            EventRecorder ok = new EventRecorder();
            p.subscribePrivate("private-secure", c -> c.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
            p.connect();
            ok.await(1, WAIT);
            assertTrue(
                    proxy.targets().stream()
                                    .filter(t -> t.equals("127.0.0.1:" + server.tlsPort()))
                                    .count()
                            >= 2,
                    "both the wss connection and the https auth request tunnelled: " + proxy.targets());
        }
    }

    @Test
    void anHttpsAuthEndpointWithAnUntrustedCertificateIsASubscriptionError() {
        Pusher p = client(PusherOptions.builder()
                .wsHost(server.host())
                .wsPort(server.port())
                .forceTLS(false)
                .authEndpoint("https://127.0.0.1:" + server.tlsPort() + "/pusher/auth")
                .autoConnect(false)
                .build());
        EventRecorder errors = new EventRecorder();
        p.subscribePrivate("private-secure", c -> c.bind(EventNames.SUBSCRIPTION_ERROR, errors));
        p.connect();
        String message = errors.await(1, WAIT).get(0).json().asJsonObject().getString("error");
        assertTrue(message.contains("could not reach"), message);
    }

    @Test
    void goesThroughTheHttpProxy() {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            Pusher p = client(server.clientOptions()
                    .proxy(proxy.host(), proxy.port())
                    .autoConnect(false)
                    .build());
            ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
            p.connect();
            rec.awaitState(CONNECTED, WAIT);
            assertEquals(List.of(server.host() + ":" + server.port()), proxy.awaitTargets(1, WAIT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhr_streaming", "xhr_polling", "sockjs"})
    void theHttpTransportsUseTheGivenSslContextAndProxy(String transport) {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            Pusher p = client(server.clientOptions()
                    .forceTLS(true)
                    .proxy(proxy.host(), proxy.port())
                    .enabledTransports(transport)
                    .autoConnect(false)
                    .build());
            ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
            EventRecorder events = new EventRecorder();
            String channel = "tunnelled-" + transport; // an earlier case's HTTP session outlives its client briefly
            p.subscribe(channel, c -> c.bind("story", events));
            p.connect();
            rec.awaitState(CONNECTED, WAIT);
            assertEquals(transport, p.connection().transport().orElseThrow());
            server.awaitSubscriberCount(channel, 1, WAIT);
            server.publish(channel, "story", "through the proxy");
            assertEquals("through the proxy", events.await(1, WAIT).get(0).data());
            ServerConnection conn = server.connections().stream()
                    .filter(c -> c.socketId().equals(p.connection().socketId().orElseThrow()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(conn.isSecure());
            assertTrue(proxy.targets().contains("127.0.0.1:" + server.tlsPort()), "tunnelled: " + proxy.targets());
        }
    }

    @Test
    void forceTlsNeverFallsBackToAPlainConnectionWhenEveryTlsAttemptFails() {
        // The JVM's default trust: every TLS handshake with the test server fails.
        Pusher p = client(PusherOptions.builder()
                .wsHost(server.host())
                .wsPort(server.port())
                .wssPort(server.tlsPort())
                .httpHost(server.host())
                .httpPort(server.port())
                .httpsPort(server.tlsPort())
                .forceTLS(true)
                .autoConnect(false)
                .build());
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        int before = server.connections().size();
        p.connect();
        for (String slot : List.of("ws:", "xhr_streaming:", "xhr_polling:")) {
            rec.awaitError(
                    e -> e.type() == ConnectionError.Type.TRANSPORT_ERROR
                            && e.message().startsWith(slot)
                            && e.message().contains(":" + server.tlsPort()),
                    WAIT);
        }
        assertFalse(rec.states().contains(CONNECTED));
        assertEquals(before, server.connections().size(), "no attempt reached the server in plain text");
    }
}
