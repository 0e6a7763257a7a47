package io.pusherj.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.TransportSocketListener;
import io.pusherj.testkit.TestTransportContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A WebSocket connection closed by its owner while it is still opening. */
class WebSocketSocketTest {
    /** Tyrus's own handshake timeout is 30 s: a connect thread freed well before that was interrupted. */
    private static final long FREED_WITHIN_SECONDS = 10;

    @Test
    void closingWhileTheHandshakeWaitsOnASilentServerFreesTheConnectThreadAndReportsNothing() throws Exception {
        List<String> reported = new CopyOnWriteArrayList<>();
        TransportSocketListener listener = new TransportSocketListener() {
            @Override
            public void onOpen() {
                reported.add("open");
            }

            @Override
            public void onMessage(String frame) {
                reported.add("message");
            }

            @Override
            public void onError(Throwable error) {
                reported.add("error " + error);
            }

            @Override
            public void onClose(int code, String reason, boolean wasClean) {
                reported.add("close " + code);
            }
        };
        // Accepts the TCP connection and never answers the upgrade request.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            silent.setSoTimeout((int) TimeUnit.SECONDS.toMillis(FREED_WITHIN_SECONDS)); // never waits forever
            Endpoints endpoints =
                    new Endpoints("127.0.0.1", silent.getLocalPort(), 443, "", "127.0.0.1", 80, 443, "/pusher");
            TestTransportContext context = TestTransportContext.of("ws", endpoints);
            try (SharedResources.Lease<TyrusRuntime> lease = TyrusRuntime.acquire(context)) {
                TyrusRuntime runtime = lease.get();
                WebSocketSocket socket = new WebSocketSocket(listener, s -> {});
                socket.start(runtime, URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/app/key"));
                try (Socket accepted = silent.accept()) {
                    assertTrue(accepted.isConnected(), "the handshake now waits for an answer that never comes");
                    socket.close();
                    runtime.connectPool().shutdown(); // lets what runs finish, without interrupting it
                    assertTrue(
                            runtime.connectPool().awaitTermination(FREED_WITHIN_SECONDS, TimeUnit.SECONDS),
                            "close() interrupted the pending connect, so its thread is free");
                }
            } finally {
                context.resources().close();
            }
        }
        assertEquals(List.of(), reported, "a socket its owner closed reports nothing");
    }
}
