package io.pusherj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.TransportRequest;
import org.junit.jupiter.api.Test;

/** Where transports connect, worked out from the options, and the URLs of docs/protocol.md §1.2. */
class ClientEndpointsTest {
    @Test
    void theDefaultClusterAndAnotherSelectTheHosts() {
        Endpoints mt1 = ClientEndpoints.of(PusherOptions.builder().build());
        assertEquals("ws-mt1.pusher.com", mt1.wsHost());
        assertEquals("sockjs-mt1.pusher.com", mt1.httpHost());
        Endpoints eu = ClientEndpoints.of(PusherOptions.builder().cluster("eu").build());
        assertEquals("ws-eu.pusher.com", eu.wsHost());
        assertEquals("sockjs-eu.pusher.com", eu.httpHost());
    }

    @Test
    void aSelfHostedWsHostAlsoBecomesTheFallbackHostSoNothingGoesToPusherCom() {
        assertEquals(
                "127.0.0.1",
                ClientEndpoints.of(PusherOptions.builder().wsHost("127.0.0.1").build())
                        .httpHost());
        assertEquals(
                "10.0.0.9",
                ClientEndpoints.of(PusherOptions.builder()
                                .wsHost("127.0.0.1")
                                .httpHost("10.0.0.9")
                                .build())
                        .httpHost());
    }

    @Test
    void urlsMatchTheProtocolDocumentExamples() {
        Endpoints eu = ClientEndpoints.of(PusherOptions.builder().cluster("eu").build());
        TransportRequest tls = new TransportRequest("a1b2c3d4e5f6a7b8c9d0", true, eu, "js", "8.6.0");
        assertEquals(
                "wss://ws-eu.pusher.com:443/app/a1b2c3d4e5f6a7b8c9d0?protocol=7&client=js&version=8.6.0&flash=false",
                tls.webSocketUri().toString());
        assertEquals(
                "https://sockjs-eu.pusher.com:443/pusher/app/a1b2c3d4e5f6a7b8c9d0?protocol=7&client=js&version=8.6.0",
                tls.httpUri().toString());
        assertEquals(
                "https://sockjs-eu.pusher.com:443/pusher", tls.httpBaseUri().toString());
        TransportRequest plain = new TransportRequest("a1b2c3d4e5f6a7b8c9d0", false, eu, "js", "8.6.0");
        assertEquals(
                "ws://ws-eu.pusher.com:80/app/a1b2c3d4e5f6a7b8c9d0?protocol=7&client=js&version=8.6.0&flash=false",
                plain.webSocketUri().toString());
        Endpoints custom = ClientEndpoints.of(PusherOptions.builder()
                .wsHost("127.0.0.1")
                .wsPort(6001)
                .wsPath("/ws")
                .forceTLS(false)
                .build());
        assertEquals(
                "ws://127.0.0.1:6001/ws/app/k?protocol=7&client=java-pusherj&version=1&flash=false",
                new TransportRequest("k", false, custom, "java-pusherj", "1")
                        .webSocketUri()
                        .toString());
    }
}
