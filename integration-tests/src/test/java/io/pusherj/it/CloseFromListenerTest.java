package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code close()} called by a listener of the only client of the JVM (the extension checks that every test
 * before closed its clients), so the client's release stops the shared runtime: the close must still happen
 * although the client cannot wait for it, and nothing may stay behind.
 */
class CloseFromListenerTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    @Test
    void closingTheLastClientFromASlowListenerClosesTheSocketAndLeavesNoThread() throws Exception {
        try (PusherTestServer server = PusherTestServer.start()) {
            Pusher pusher = Pusher.create(
                    server.appKey(), server.clientOptions().autoConnect(false).build());
            ConnectionRecorder states = ConnectionRecorder.attach(pusher.connection());
            EventRecorder subscribed = new EventRecorder();
            pusher.subscribe("news", ch -> {
                ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, subscribed);
                ch.bind("bye", e -> {
                    // Work longer than the strand's inline budget first, so what is queued behind this
                    // listener (the close) moves from the I/O thread to the shared pool.
                    long until = System.nanoTime() + 5_000_000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    pusher.close();
                });
            });
            BlockingQueue<String> tickThreads = new LinkedBlockingQueue<>();
            pusher.channel("news")
                    .orElseThrow()
                    .bind("tick", e -> tickThreads.add(Thread.currentThread().getName()));
            pusher.connect();
            subscribed.await(1, WAIT);
            ServerConnection conn = server.awaitConnection(1, WAIT);
            // The case that lost the close: the listener runs on the transport's I/O thread (the strand runs
            // inline there once the client has kept up for a while; right after start-up, class loading
            // makes tasks slow and frames go to the pool). Ticks until one is delivered inline.
            long deadline = System.nanoTime() + WAIT.toNanos();
            String thread;
            do {
                server.publish("news", "tick", "{}");
                thread = tickThreads.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } while (thread != null && thread.startsWith("pusherj-strand") && System.nanoTime() < deadline);
            assertEquals(
                    false,
                    thread == null || thread.startsWith("pusherj-strand"),
                    "a tick delivered inline, last on " + thread);

            server.publish("news", "bye", "{}");

            conn.awaitClosed(WAIT);
            states.awaitState(DISCONNECTED, WAIT);
            assertEquals(List.of(ConnectionState.CONNECTING, CONNECTED, DISCONNECTED), states.states());
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("pusherj-")) {
                    t.join(WAIT.toMillis());
                }
            }
            assertEquals(
                    List.of(),
                    Thread.getAllStackTraces().keySet().stream()
                            .map(Thread::getName)
                            .filter(n -> n.startsWith("pusherj-"))
                            .toList());
        }
    }
}
