package io.pusherj.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.server.PusherTestServer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The extension's lifecycle, driven by hand: a server per test, clients closed, threads checked. */
class PusherServerExtensionTest {
    @Test
    void eachTestGetsAStartedServerAndWhatItTrackedIsClosedAfterItLastFirst() throws Exception {
        PusherServerExtension ext = new PusherServerExtension();
        ext.beforeEach(null);
        PusherTestServer server = ext.server();
        assertTrue(server.port() > 0, "started");
        List<String> closed = new ArrayList<>();
        ext.track(() -> closed.add("first"));
        ext.track(() -> closed.add("second"));

        ext.afterEach(null);
        assertEquals(List.of("second", "first"), closed);
        assertThrows(IllegalStateException.class, ext::server, "no server between tests");
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", server.port()).close(), "the server is closed");
    }

    @Test
    void aPusherjThreadLeftBehindFailsTheTestNamingIt() throws Exception {
        PusherServerExtension ext = new PusherServerExtension(b -> b, true, Duration.ofMillis(200));
        ext.beforeEach(null);
        CountDownLatch release = new CountDownLatch(1);
        Thread leak = new Thread(
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "pusherj-leak-under-test");
        leak.setDaemon(true);
        leak.start();
        try {
            AssertionError e = assertThrows(AssertionError.class, () -> ext.afterEach(null));
            assertTrue(e.getMessage().contains("pusherj-leak-under-test"), e.getMessage());
            assertTrue(e.getMessage().contains("CountDownLatch.await"), "with its stack: " + e.getMessage());
        } finally {
            release.countDown();
            leak.join();
        }
        assertEquals(Thread.State.TERMINATED, leak.getState());
    }
}
