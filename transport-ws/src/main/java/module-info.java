/**
 * The {@code ws} and {@code wss} transports of pusherj, over Jakarta WebSocket with Eclipse Tyrus and
 * its JDK client container. Exports nothing: the core finds the provider with {@link java.util.ServiceLoader}.
 */
module io.pusherj.transport.ws {
    requires io.pusherj.api;
    requires jakarta.websocket.client;
    requires java.logging;
    requires org.glassfish.tyrus.client;
    requires org.glassfish.tyrus.container.jdk.client;

    provides io.pusherj.api.spi.TransportProvider with
            io.pusherj.transport.ws.WebSocketTransportProvider;
}
