package io.pusherj.transport.sockjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.TestTransportContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the sockjs slot costs a client that never uses it. */
class SockJsTransportTest {
    @Test
    void springsSockJsClientStartsOnTheFirstAttemptNotWithTheClient() throws Exception {
        try (PusherTestServer server = PusherTestServer.start()) {
            TestTransportContext context = TestTransportContext.of("sockjs", server.endpoints());
            Transport transport = new SockJsTransportProvider().create(context);
            assertEquals(0, context.resources().size(), "a client that connects over ws never starts it");

            CountDownLatch opened = new CountDownLatch(1);
            TransportSocket socket = transport.open(
                    new TransportRequest(server.appKey(), false, server.endpoints(), "java-pusherj", "test"),
                    new TransportSocketListener() {
                        @Override
                        public void onOpen() {
                            opened.countDown();
                        }

                        @Override
                        public void onMessage(String frame) {}

                        @Override
                        public void onError(Throwable error) {}

                        @Override
                        public void onClose(int code, String reason, boolean wasClean) {}
                    });
            assertTrue(opened.await(10, TimeUnit.SECONDS), "opened over SockJS");
            assertEquals(1, context.resources().size(), "started by the first attempt");

            socket.close();
            transport.close();
            assertEquals(0, context.resources().size(), "given back when the transport closed");
        }
    }
}
