package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.AuthFault;
import io.pusherj.server.AuthSignatures;
import io.pusherj.testkit.EventRecorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything pusherj logs (at every level, through {@code System.Logger} and so JUL) and every error it
 * reports during auth flows that succeed and that fail: no auth token, header value, auth signature or
 * app secret appears in any of it.
 */
class SecretsInLogsTest extends ServerTest {
    static final String TOKEN = "tok-9f8e7d6c5b4a";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            // pusherj's own lines. Third-party wire traces print frames and headers by design when asked
            // to: Tyrus at FINEST logs every frame (a subscribe carries its auth signature), HttpClient's
            // org.apache.hc.client5.http.headers logger at DEBUG (through SLF4J) every header.
            if (r.getLoggerName() != null && r.getLoggerName().startsWith("io.pusherj")) {
                logged.add(format.format(r));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        Logger.getLogger("io.pusherj").setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(previousLevel);
        Logger.getLogger("io.pusherj").setLevel(null);
    }

    @Test
    void noSecretReachesALogLineOrAnError() {
        server.faults().authFault("private-refused", AuthFault.status(401, "{\"error\":\"denied\"}"));
        Pusher p = client(o -> o.channelAuthorization(AuthOptions.forChannels()
                        .endpoint(server.authEndpoint().toString())
                        .header("Authorization", "Bearer " + TOKEN)
                        .headersProvider(() -> Map.of("X-Session", TOKEN + "-session"))
                        .build())
                .userAuthentication(AuthOptions.forUsers()
                        .endpoint(server.userAuthEndpoint().toString())
                        .param("user_id", "ada")
                        .header("Authorization", "Bearer " + TOKEN)
                        .build()));
        List<String> reported = new CopyOnWriteArrayList<>();
        p.connection()
                .onError(e -> reported.add(e.toString()
                        + e.cause().map(SecretsInLogsTest::stackTrace).orElse("")));
        EventRecorder ok = new EventRecorder();
        p.subscribePrivate("private-orders").bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        EventRecorder refused = new EventRecorder();
        p.subscribePrivate("private-refused").bind(EventNames.SUBSCRIPTION_ERROR, refused);
        EventRecorder presence = new EventRecorder();
        p.subscribePresence("presence-room").bind(EventNames.SUBSCRIPTION_ERROR, presence); // no channel_data: refused
        p.signin();
        p.connect();
        ok.await(1, WAIT);
        PusherEvent error = refused.await(1, WAIT).get(0);
        server.awaitAuthRequests(4, WAIT);
        reported.add(error.data());

        List<String> secrets = List.of(TOKEN, server.appSecret(), signatureFor(p));
        assertFalse(logged.isEmpty(), "the capture works: pusherj logs at debug level");
        for (String secret : secrets) {
            for (String line : logged) {
                assertFalse(line.contains(secret), () -> "a log line holds a secret: " + line);
            }
            for (String line : reported) {
                assertFalse(line.contains(secret), () -> "a reported error holds a secret: " + line);
            }
        }
        assertTrue(error.data().contains("HTTP 401"), error.data());
    }

    /** The hex signature of the successful channel auth: what the auth endpoint answered. */
    private String signatureFor(Pusher p) {
        String socketId = p.connection().socketId().orElseThrow();
        return AuthSignatures.channel(server.appKey(), server.appSecret(), socketId, "private-orders")
                .substring(server.appKey().length() + 1);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
