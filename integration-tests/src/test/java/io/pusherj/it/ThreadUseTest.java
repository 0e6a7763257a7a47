package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Threads are shared: their number does not grow with the number of clients, and none is left after close. */
class ThreadUseTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Gives every client's private channel its own name across batches. */
    static final AtomicInteger CLIENTS_SO_FAR = new AtomicInteger();

    /**
     * Threads started for clients: pusherj's own, Tyrus's workers and the shared HttpClient's I/O thread. Tyrus's
     * single JVM-wide daemon timer ({@code tyrus-jdk-container-idle-timeout}) is created once at class load
     * and never exits; it does not count here (documented in the transport-ws README).
     */
    static Set<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("pusherj-")
                        || n.contains("tyrus-jdk-client")
                        || n.toLowerCase().startsWith("httpclient-dispatch"))
                .collect(Collectors.toSet());
    }

    private static List<Pusher> connect(PusherTestServer server, int n, String transport) {
        List<Pusher> clients = new ArrayList<>();
        List<ConnectionRecorder> recs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pusher p = Pusher.create(
                    server.appKey(),
                    server.clientOptions()
                            .autoConnect(false)
                            .enabledTransports(transport)
                            .authEndpoint(server.authEndpoint().toString())
                            .build());
            recs.add(ConnectionRecorder.attach(p.connection()));
            p.subscribe("load");
            // Authorized channels use the shared HTTP client: one I/O thread, whatever the number of clients.
            p.subscribePrivate("private-load-" + (recs.size() + CLIENTS_SO_FAR.get()));
            p.connect();
            clients.add(p);
        }
        recs.forEach(r -> r.awaitState(CONNECTED, WAIT));
        for (int i = 0; i < n; i++) {
            server.awaitSubscriberCount("private-load-" + (i + 1 + CLIENTS_SO_FAR.get()), 1, WAIT);
        }
        CLIENTS_SO_FAR.addAndGet(n);
        return clients;
    }

    @Test
    void hundredClientsUseNoMoreThreadsThanTenAndCloseLeavesNone() {
        Set<String> threads = clientThreadsGrowing("ws", 10, 100, 4);
        assertTrue(threads.size() <= 16, "a small, fixed set: " + threads);
    }

    @Test
    void twoHundredStreamingClientsShareTheHttpClientThreadsAndCloseLeavesNone() {
        clientThreadsGrowing("xhr_streaming", 10, 200, 2);
    }

    /**
     * Connects {@code few}, then up to {@code many} clients over {@code transport}; checks the client
     * threads grew by at most {@code allowedGrowth} and that closing every client leaves none behind.
     * Returns the client threads with {@code many} clients connected.
     */
    private static Set<String> clientThreadsGrowing(String transport, int few, int many, int allowedGrowth) {
        assertEquals(Set.of(), awaitNoClientThreads(), "threads left over by earlier tests");
        Set<String> withMany;
        try (PusherTestServer server = PusherTestServer.start()) {
            List<Pusher> clients = new ArrayList<>(connect(server, few, transport));
            int withFew = clientThreads().size();
            clients.addAll(connect(server, many - few, transport));
            server.awaitSubscriberCount("load", many, WAIT);
            withMany = clientThreads();
            // The measurement, for the record; surefire keeps it in ThreadUseTest-output.txt.
            System.out.printf(
                    "client threads over %s: %d with %d clients, %d with %d clients %s; all JVM threads: %d%n",
                    transport, withFew, few, withMany.size(), many, new TreeSet<>(withMany), Thread.activeCount());
            assertTrue(
                    withMany.size() <= withFew + allowedGrowth,
                    "threads grew from " + withFew + " to " + withMany.size() + ": " + withMany);
            clients.forEach(Pusher::close);
        }
        assertEquals(Set.of(), awaitNoClientThreads(), "close() leaves no client thread behind");
        return withMany;
    }

    /** Thread exit is asynchronous after shutdown; wait for it with a deadline, without sleeping. */
    private static Set<String> awaitNoClientThreads() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> left = clientThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (left.contains(t.getName())) {
                    try {
                        t.join(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return left;
                    }
                }
            }
            left = clientThreads();
        }
        return left;
    }
}
