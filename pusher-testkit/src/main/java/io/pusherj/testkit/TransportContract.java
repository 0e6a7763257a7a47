package io.pusherj.testkit;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.PusherRuntime;
import io.pusherj.api.spi.TransportProvider;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The contract every transport must keep, checked end to end: a client that may use only the given
 * transport talks to a fresh {@link PusherTestServer} (needs {@code pusher-core} at run time). Call
 * {@link #verify} from a test of your transport module; it throws an {@link AssertionError} naming the
 * first rule broken. docs/writing-a-transport.md explains each rule.
 *
 * <ol>
 *   <li>It connects and reports {@code onOpen}, then frames the server sends, in order and whole.</li>
 *   <li>Frames it is given reach the server ({@code send}).</li>
 *   <li>A close by the server reaches the client with its code ({@code onClose(4201, …)}), so the client
 *       applies the close-code rules: 4201 reconnects at once.</li>
 *   <li>A connection that dies without a close (dropped by the server, its TCP connections reset) ends in
 *       {@code onClose} with {@code wasClean == false}, and the client reconnects 1 s later.</li>
 *   <li>A refused connection ends the attempt (an error and an {@code onClose}), never a hang.</li>
 *   <li>{@code close()} closes the connection: the server sees it go (WebSocket slots; an HTTP session
 *       ends by the server's timeout, as pusher-js sends nothing when it leaves one).</li>
 *   <li>Its shared resources come from the client's runtime ({@code TransportContext.resources()}):
 *       closing a {@link PusherRuntime} the application owns closes the connection of its client, and a
 *       new runtime connects again (a transport that kept a resource of the closed runtime fails here).</li>
 * </ol>
 */
public final class TransportContract {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TransportContract() {}

    /**
     * Verifies {@code provider}'s transport for {@code slot} ({@code ws}, {@code xhr_streaming}, …; the
     * slot must use no TLS against the test server).
     *
     * @param provider the provider under test
     * @param slot the slot to verify
     */
    @SuppressWarnings("try") // rule 6 checks close() itself, inside the try that would otherwise close
    public static void verify(TransportProvider provider, String slot) {
        if (!provider.transportNames().contains(slot)) {
            throw new AssertionError(provider + " does not serve slot " + slot + ": " + provider.transportNames());
        }
        try (PusherTestServer server = PusherTestServer.start();
                FaultProxy proxy = FaultProxy.to(server.port())) {
            VirtualScheduler time = new VirtualScheduler();
            PusherOptions options = server.clientOptions()
                    .wsPort(proxy.port())
                    .httpPort(proxy.port())
                    .enabledTransports(slot)
                    .addTransportProvider(provider)
                    .scheduler(time)
                    .autoConnect(false)
                    .pusherJsReconnectTiming() // the delays below are pusher-js's, without jitter
                    .build();
            try (Pusher pusher = Pusher.create(server.appKey(), options)) {
                ConnectionRecorder rec = ConnectionRecorder.attach(pusher.connection());
                EventRecorder events = new EventRecorder();
                pusher.subscribe("contract", c -> c.bind("tick", events));
                pusher.connect();
                rec.awaitState(ConnectionState.CONNECTED, WAIT);
                check(
                        slot.equals(pusher.connection().transport().orElse("")),
                        "rule 1: connected over " + slot + ", got "
                                + pusher.connection().transport());

                ServerConnection first = server.awaitConnection(1, WAIT);
                first.awaitSubscribed("contract", WAIT); // rule 2: the subscribe frame was sent
                int n = 100;
                IntStream.range(0, n).forEach(i -> server.publish("contract", "tick", i + ":" + "x".repeat(i * 50)));
                List<String> got =
                        events.await(n, WAIT).stream().map(PusherEvent::data).toList();
                check(
                        got.equals(IntStream.range(0, n)
                                .mapToObj(i -> i + ":" + "x".repeat(i * 50))
                                .toList()),
                        "rule 1: frames in order and whole");

                first.close(4201, "contract");
                rec.awaitError(e -> e.code().orElse(0) == 4201, WAIT); // rule 3
                rec.awaitState(ConnectionState.CONNECTING, 2, WAIT); // published after the retry timer is armed
                time.runUntilIdle();
                rec.awaitState(ConnectionState.CONNECTED, 2, WAIT);

                ServerConnection second = server.awaitConnection(2, WAIT);
                second.awaitSubscribed("contract", WAIT);
                // The connection dies without a close: every TCP connection is reset (first: the JDK's
                // WebSocket client can miss a plain FIN), and the server forgets it (an HTTP session lives
                // apart from any TCP connection, so a reset between two polls alone would not end it).
                proxy.resetAll();
                second.drop();
                rec.awaitState(ConnectionState.CONNECTING, 3, WAIT); // rule 4
                check(
                        rec.connectingIn().equals(List.of(Duration.ofSeconds(1))),
                        "rule 4: an unclean close retries after 1 s, got " + rec.connectingIn());
                time.advanceBy(1_000);
                rec.awaitState(ConnectionState.CONNECTED, 3, WAIT);

                ServerConnection third = server.awaitConnection(3, WAIT);
                pusher.close();
                if (!slot.startsWith("xhr_")) {
                    third.awaitClosed(WAIT); // rule 6
                }
            }
            refusedEndsTheAttempt(provider, slot);
            closingTheRuntimeEndsTheConnection(server, provider, slot);
        }
    }

    @SuppressWarnings("try") // rule 7 checks the runtime's close() itself, inside the try that would close it
    private static void closingTheRuntimeEndsTheConnection(
            PusherTestServer server, TransportProvider provider, String slot) {
        int connectionsBefore = server.connections().size();
        for (int round = 1; round <= 2; round++) {
            try (PusherRuntime runtime = PusherRuntime.create()) {
                Pusher pusher = Pusher.create(
                        server.appKey(),
                        server.clientOptions()
                                .enabledTransports(slot)
                                .addTransportProvider(provider)
                                .runtime(runtime)
                                .autoConnect(false)
                                .build());
                ConnectionRecorder rec = ConnectionRecorder.attach(pusher.connection());
                pusher.connect();
                rec.awaitState(ConnectionState.CONNECTED, WAIT); // rule 7: a new runtime connects again
                ServerConnection connection = server.awaitConnection(connectionsBefore + round, WAIT);
                runtime.close();
                rec.awaitState(ConnectionState.DISCONNECTED, WAIT);
                if (!slot.startsWith("xhr_")) {
                    connection.awaitClosed(WAIT); // rule 7
                }
            }
        }
    }

    private static void refusedEndsTheAttempt(TransportProvider provider, String slot) {
        VirtualScheduler time = new VirtualScheduler();
        PusherOptions options = PusherOptions.builder()
                .wsHost("127.0.0.1")
                .wsPort(1)
                .httpHost("127.0.0.1")
                .httpPort(1)
                .forceTLS(false)
                .enabledTransports(slot)
                .addTransportProvider(provider)
                .scheduler(time)
                .autoConnect(false)
                .build();
        try (Pusher pusher = Pusher.create("contract-key", options)) {
            ConnectionRecorder rec = ConnectionRecorder.attach(pusher.connection());
            pusher.connect();
            rec.awaitError(e -> e.type() == ConnectionError.Type.TRANSPORT_ERROR, WAIT); // rule 5
        }
    }

    private static void check(boolean rule, String message) {
        if (!rule) {
            throw new AssertionError("transport contract: " + message);
        }
    }
}
