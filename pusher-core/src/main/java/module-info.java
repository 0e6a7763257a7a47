/**
 * The pusherj implementation. Exports nothing: applications use {@code io.pusherj.api}; this module
 * provides the client through {@link io.pusherj.api.spi.PusherFactory} and discovers transports
 * through {@link io.pusherj.api.spi.TransportProvider}.
 */
module io.pusherj.core {
    requires transitive io.pusherj.api;
    requires org.eclipse.parsson;
    // JFR events (io.pusherj.*), recorded only when a recording enables them; part of every JDK image that
    // a jlink does not strip of it.
    requires jdk.jfr;

    uses io.pusherj.api.spi.TransportProvider;
    uses io.pusherj.api.spi.AuthTransportProvider;
    uses io.pusherj.api.spi.SecretBoxProvider;
    uses io.pusherj.api.spi.StatsTransportProvider;

    provides io.pusherj.api.spi.PusherFactory with
            io.pusherj.core.DefaultPusherFactory;
}
