package io.pusherj.it;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fresh test server per test and the clients a test created, all closed afterwards, and no pusherj
 * thread left behind ({@link PusherServerExtension}).
 */
abstract class ServerTest {
    static final Duration WAIT = PusherServerExtension.WAIT;

    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    /** The test's server; a test that replaces it tracks the new one ({@code testServers.track}). */
    PusherTestServer server;

    @BeforeEach
    void bindServer() {
        server = testServers.server();
    }

    /**
     * A client of {@link #server} (not connected yet), closed after the test. Not the extension's
     * {@code client}: some tests point {@code server} at another server of their own.
     */
    Pusher client(UnaryOperator<PusherOptions.Builder> options) {
        return track(Pusher.create(
                server.appKey(),
                options.apply(server.clientOptions().autoConnect(false)).build()));
    }

    /** Closes {@code p} after the test. */
    Pusher track(Pusher p) {
        return testServers.track(p);
    }
}
