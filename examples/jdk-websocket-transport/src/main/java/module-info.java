/**
 * An example transport for pusherj's {@code ws} and {@code wss} slots over the JDK's
 * {@link java.net.http.WebSocket}: the working example of docs/writing-a-transport.md.
 */
module io.pusherj.examples.jdkws {
    requires io.pusherj.api;
    requires java.net.http;

    provides io.pusherj.api.spi.TransportProvider with
            io.pusherj.examples.jdkws.JdkWebSocketTransportProvider;
}
