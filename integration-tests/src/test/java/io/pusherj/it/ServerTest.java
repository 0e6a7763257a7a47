package io.pusherj.it;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.testkit.PusherTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh test server per test and the clients a test created, all closed afterwards. */
abstract class ServerTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    PusherTestServer server;
    private final List<Pusher> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = PusherTestServer.start();
    }

    @AfterEach
    void stopServer() {
        clients.forEach(Pusher::close);
        server.close();
    }

    /** A client of the test server (not connected yet), closed after the test. */
    Pusher client(UnaryOperator<PusherOptions.Builder> options) {
        return track(Pusher.create(
                server.appKey(),
                options.apply(server.clientOptions().autoConnect(false)).build()));
    }

    /** Closes {@code p} after the test. */
    Pusher track(Pusher p) {
        clients.add(p);
        return p;
    }
}
