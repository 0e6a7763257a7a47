package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static io.pusherj.api.ConnectionState.DISCONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Binding;
import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.EventListener;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What a long-lived process needs: an unbound listener and a closed client are garbage (nothing of
 * pusherj's keeps them), and a thousand connect/disconnect cycles leave the heap where it was.
 */
class LeakTest extends ServerTest {
    /** A leak of more than ~500 bytes per cycle would exceed this over 900 cycles. */
    static final long MAX_GROWTH_BYTES = 512 * 1024;

    @Test
    void anUnboundListenerIsNotRetained() {
        Pusher p = client(o -> o);
        Channel news = p.subscribe("news");
        // Capturing lambdas: a non-capturing one is a constant of its call site and never collected.
        Object captured = new Object();
        EventListener listener = e -> captured.hashCode();
        Consumer<ConnectionStateChange> stateListener = change -> captured.hashCode();
        WeakReference<EventListener> weakListener = new WeakReference<>(listener);
        WeakReference<Object> weakStateListener = new WeakReference<>(stateListener);
        Binding event = news.bind("story", listener);
        Binding global = p.bindGlobal(listener);
        Binding state = p.connection().onState(CONNECTED, stateListener);
        event.unbind();
        global.unbind();
        state.unbind();
        listener = null;
        stateListener = null;
        assertTrue(collected(weakListener), "an unbound event listener is still referenced");
        assertTrue(collected(weakStateListener), "an unbound state listener is still referenced");
    }

    @Test
    void aClosedClientIsNotRetained() {
        Pusher p = Pusher.create(
                server.appKey(), server.clientOptions().autoConnect(false).build());
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        EventRecorder ok = new EventRecorder();
        p.subscribe("news").bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        ok.await(1, WAIT);
        WeakReference<Pusher> weak = new WeakReference<>(p);
        p.close();
        p = null;
        rec = null;
        assertTrue(collected(weak), "a closed client is still referenced");
    }

    @Test
    void aThousandConnectDisconnectCyclesLeaveTheHeapWhereItWas() {
        // The test server records every connection it saw, so each measurement is taken with no server
        // alive: 100 warm-up cycles on one, then 900 on a second one on the same port.
        int port = server.port();
        Pusher p = client(o -> o);
        server.close();
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        p.subscribe("news");
        cycles(p, rec, port, 1, 100);
        long afterWarmUp = heapAfterGc();
        cycles(p, rec, port, 101, 1_000);
        // The recorder's own list grows by ~4 references a cycle (~30 KiB in all), well inside the bound.
        long growth = heapAfterGc() - afterWarmUp;
        System.out.printf("heap growth over 900 connect/disconnect cycles: %d bytes%n", growth);
        assertTrue(growth < MAX_GROWTH_BYTES, "the heap grew by " + growth + " bytes over 900 cycles");
    }

    @SuppressWarnings("try") // the server only has to be up on that port while the cycles run
    private static void cycles(Pusher p, ConnectionRecorder rec, int port, int first, int last) {
        try (PusherTestServer s =
                PusherTestServer.builder().port(port).subscriptionCount(false).start()) {
            for (int cycle = first; cycle <= last; cycle++) {
                p.connect();
                rec.awaitState(CONNECTED, cycle, WAIT);
                p.disconnect();
                rec.awaitState(DISCONNECTED, cycle, WAIT);
            }
        }
    }

    @Test
    void aMillionEventsLeaveTheHeapWhereItWas() throws Exception {
        server.close();
        // Each subscription to "burst-N" makes the server write N events as fast as the client reads.
        server = testServers.track(PusherTestServer.builder()
                .subscriptionCount(false)
                .onSubscribed((connection, channel) -> {
                    int count = Integer.parseInt(channel.substring("burst-".length()));
                    Thread feeder = new Thread(
                            () -> connection.flood(channel, "tick", count, Integer::toString, 256), "feeder");
                    feeder.setDaemon(true);
                    feeder.start();
                })
                .start());
        Pusher p = client(o -> o);
        long[] received = new long[1];
        Semaphore done = new Semaphore(0);
        EventListener counter = e -> {
            received[0]++; // one strand at a time; the semaphore publishes it
            int count = Integer.parseInt(e.channelName().orElseThrow().substring("burst-".length()));
            if (Integer.parseInt(e.data()) == count - 1) {
                done.release(); // the last event of the burst
            }
        };
        p.connect();
        burst(p, "burst-100000", counter, done);
        long afterWarmUp = heapAfterGc();
        burst(p, "burst-900000", counter, done);
        long growth = heapAfterGc() - afterWarmUp;
        System.out.printf("heap growth over 900,000 events: %d bytes%n", growth);
        assertEquals(1_000_000, received[0]);
        assertTrue(growth < MAX_GROWTH_BYTES, "the heap grew by " + growth + " bytes over 900,000 events");
    }

    private static void burst(Pusher p, String channel, EventListener counter, Semaphore done)
            throws InterruptedException {
        p.subscribe(channel).bind("tick", counter);
        assertTrue(done.tryAcquire(2, TimeUnit.MINUTES), channel + " did not arrive in full");
        p.unsubscribe(channel);
    }

    private static boolean collected(WeakReference<?> ref) {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
        }
        return ref.get() == null;
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
