package io.pusherj.xhr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import io.pusherj.testkit.TestTransportContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The transport's bookkeeping of its sockets, against a loopback port that accepts and never answers. */
class XhrTransportTest {
    private static final TransportSocketListener IGNORE = new TransportSocketListener() {
        @Override
        public void onOpen() {}

        @Override
        public void onMessage(String frame) {}

        @Override
        public void onActivity() {}

        @Override
        public void onError(Throwable error) {}

        @Override
        public void onClose(int code, String reason, boolean wasClean) {}
    };

    @Test
    void aSocketTheOwnerClosesIsForgottenSoReconnectsDoNotAccumulate() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = silent.getLocalPort();
            Endpoints endpoints = new Endpoints("127.0.0.1", port, port, "", "127.0.0.1", port, port, "/pusher");
            XhrTransport transport = new XhrTransport(TestTransportContext.of("xhr_streaming", endpoints), true);
            try {
                TransportRequest request = new TransportRequest("key", false, endpoints, "java-pusherj", "test");
                for (int i = 0; i < 3; i++) {
                    TransportSocket socket = transport.open(request, IGNORE);
                    assertEquals(1, transport.openSockets(), "the attempt in flight is tracked");
                    socket.close(); // as the strategy does to a losing attempt, and disconnect() to the winner
                }
                assertEquals(0, transport.openSockets());
            } finally {
                transport.close();
            }
        }
    }
}
