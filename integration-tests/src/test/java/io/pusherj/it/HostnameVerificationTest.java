package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A certificate the client trusts, but issued for another host: refused over wss, over the HTTPS
 * fallbacks and by the HTTPS auth endpoint, because hostname verification stays on even with the user's
 * own {@code SSLContext}.
 */
class HostnameVerificationTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = Duration.ofSeconds(15);

    private PusherTestServer server;
    private Pusher pusher;

    @BeforeEach
    void start() {
        server = testServers.track(PusherTestServer.builder()
                .tls(true)
                .tlsCertificateFor("pusher.invalid")
                .start());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ws", "xhr_streaming", "xhr_polling"})
    void aTrustedCertificateForAnotherHostIsATransportErrorNeverAConnection(String transport) {
        pusher = testServers.track(Pusher.create(
                server.appKey(),
                server.clientOptions()
                        .forceTLS(true)
                        .enabledTransports(transport)
                        .autoConnect(false)
                        .build()));
        ConnectionRecorder rec = ConnectionRecorder.attach(pusher.connection());
        pusher.connect();
        ConnectionError e = rec.awaitError(x -> x.type() == ConnectionError.Type.TRANSPORT_ERROR, WAIT);
        assertTrue(e.message().contains(server.host() + ":" + server.tlsPort()), e.message());
        String chain = e.message() + " " + causes(e.cause().orElse(null));
        assertTrue(chain.contains("subject alternative"), "refused for the host name, not for trust: " + chain);
        assertFalse(rec.states().contains(CONNECTED));
        assertTrue(server.connections().isEmpty(), "no Pusher connection reached the server");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ajax", "jsonp"})
    void anAuthEndpointWithATrustedCertificateForAnotherHostIsASubscriptionError(String authTransport) {
        pusher = testServers.track(Pusher.create(
                server.appKey(),
                server.clientOptions()
                        .forceTLS(false)
                        .authTransport(authTransport)
                        .authEndpoint("https://" + server.host() + ":" + server.tlsPort() + "/pusher/auth")
                        .autoConnect(false)
                        .build()));
        EventRecorder errors = new EventRecorder();
        pusher.subscribePrivate("private-secure", c -> c.bind(EventNames.SUBSCRIPTION_ERROR, errors));
        pusher.connect();
        String message = errors.await(1, WAIT).get(0).json().asJsonObject().getString("error");
        assertTrue(message.contains("could not reach"), message);
        assertTrue(server.authRequests().isEmpty(), "the auth request never reached the endpoint");
    }

    private static String causes(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append(" / ");
        }
        return b.toString();
    }
}
