/**
 * The {@code sockjs} transport of pusherj, over Spring's SockJS Java client (its WebSocket transport on
 * Tyrus's JDK container, then its XHR transports). Exports nothing: the core finds the provider with
 * {@link java.util.ServiceLoader}.
 */
module io.pusherj.transport.sockjs {
    requires io.pusherj.api;
    requires io.pusherj.http;
    requires spring.websocket;
    requires spring.web;
    requires spring.core;
    requires spring.context;
    requires jakarta.websocket.client;
    requires org.glassfish.tyrus.client;
    requires org.glassfish.tyrus.container.jdk.client;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    // Spring logs through commons-logging; an automatic module on a real module path needs it named.
    requires org.apache.commons.logging;

    provides io.pusherj.api.spi.TransportProvider with
            io.pusherj.transport.sockjs.SockJsTransportProvider;
}
