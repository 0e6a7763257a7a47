package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.AuthFault;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.EventRecorder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Auth endpoints that hang or redirect, over both auth transports (huge and malformed answers:
 * {@link PrivateChannelTest}, {@link JsonpAuthTest}): every wait is bounded, a redirect is followed as a
 * browser would (a few hops, same scheme or up), and a broken endpoint costs one channel, never the others.
 */
@ParameterizedClass(name = "over {0}")
@ValueSource(strings = {"ajax", "jsonp"})
class AuthEndpointFaultTest extends ServerTest {
    @Parameter
    String authTransport;

    /** Another app server with the same secret, where a redirect can lead. */
    private PusherTestServer other;

    @AfterEach
    void stopOther() {
        if (other != null) {
            other.close();
        }
    }

    private Pusher client(String endpoint, Duration timeout) {
        return client(o -> o.channelAuthorization(AuthOptions.forChannels()
                .endpoint(endpoint)
                .transport(authTransport)
                .timeout(timeout)
                .build()));
    }

    /** Subscribes to {@code channel} and returns where its subscription error will be recorded. */
    private static EventRecorder subscribeRecordingErrors(Pusher p, String channel) {
        EventRecorder errors = new EventRecorder();
        p.subscribePrivate(channel).bind(EventNames.SUBSCRIPTION_ERROR, errors);
        return errors;
    }

    private static String error(PusherEvent e) {
        return e.json().asJsonObject().getString("error");
    }

    @Test
    void aHangingEndpointTimesOutAndOtherChannelsKeepFlowing() {
        server.faults().authFault("private-slow", AuthFault.slow(Duration.ofSeconds(60)));
        Pusher p = client(server.authEndpoint().toString(), Duration.ofMillis(500));
        EventRecorder errors = subscribeRecordingErrors(p, "private-slow");
        EventRecorder fast = new EventRecorder();
        p.subscribePrivate("private-fast").bind("tick", fast);
        p.connect();
        server.awaitSubscriberCount("private-fast", 1, WAIT);
        server.publish("private-fast", "tick", "1");
        fast.await(1, WAIT);
        PusherEvent timeout = errors.await(1, WAIT).get(0);
        assertTrue(error(timeout).contains("timeout") || error(timeout).contains("longer than"), timeout.data());
        assertFalse(timeout.json().asJsonObject().containsKey("status"), "no HTTP status: nothing answered");
        assertEquals(0, server.subscriberCount("private-slow"));
    }

    @Test
    void aRedirectToAnotherEndpointIsFollowed() {
        other = PusherTestServer.start(); // same app key and secret, so it signs for this connection too
        // ajax: 307 keeps the POST and its body; jsonp: the app server moves the query along itself.
        server.faults()
                .authFault(
                        "private-orders",
                        authTransport.equals("ajax")
                                ? AuthFault.redirect(307, other.authEndpoint().toString())
                                : AuthFault.redirect(302, other.authEndpoint() + "?QUERY"));
        Pusher p = client(server.authEndpoint().toString(), AuthOptions.DEFAULT_TIMEOUT);
        EventRecorder shipped = new EventRecorder();
        p.subscribePrivate("private-orders").bind("shipped", shipped);
        p.connect();
        server.awaitSubscriberCount("private-orders", 1, WAIT);
        assertEquals(
                "private-orders",
                other.awaitAuthRequests(1, WAIT).get(0).params().get("channel_name"));
        server.publish("private-orders", "shipped", "{}");
        shipped.await(1, WAIT);
    }

    @Test
    void aRedirectLoopIsASubscriptionErrorAfterAFewHops() {
        server.faults().authFault("*", AuthFault.redirect(307, server.authEndpoint() + "?QUERY")); // back to itself
        Pusher p = client(server.authEndpoint().toString(), AuthOptions.DEFAULT_TIMEOUT);
        EventRecorder errors = subscribeRecordingErrors(p, "private-orders");
        p.connect();
        PusherEvent e = errors.await(1, WAIT).get(0);
        assertTrue(error(e).contains("redirect"), e.data());
        assertTrue(
                server.authRequests().size() <= 6,
                "requests: " + server.authRequests().size());
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() {
        server.close();
        server = testServers.track(PusherTestServer.builder().tls(true).start());
        String https = "https://" + server.host() + ":" + server.tlsPort() + "/pusher/auth";
        server.faults()
                .authFault(
                        "private-orders",
                        AuthFault.redirect(307, server.authEndpoint().toString()));
        Pusher p = client(o -> o.sslContext(server.clientSslContext())
                .channelAuthorization(AuthOptions.forChannels()
                        .endpoint(https)
                        .transport(authTransport)
                        .build()));
        EventRecorder errors = subscribeRecordingErrors(p, "private-orders");
        p.connect();
        PusherEvent e = errors.await(1, WAIT).get(0);
        assertTrue(error(e).contains("https") && error(e).contains("http:"), e.data());
        assertEquals(1, server.authRequests().size(), "the plain-text endpoint was never asked");
    }
}
