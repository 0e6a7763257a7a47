/**
 * The {@code xhr_polling} transport of pusherj (docs/protocol.md §11). Exports nothing: the core finds the provider
 * with {@link java.util.ServiceLoader}.
 */
module io.pusherj.transport.xhr.polling {
    requires io.pusherj.xhr;

    provides io.pusherj.api.spi.TransportProvider with
            io.pusherj.transport.xhr.polling.XhrPollingTransportProvider;
}
