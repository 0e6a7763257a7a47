/**
 * The {@code ajax} auth transport: POSTs the auth form to the endpoint over the shared async HttpClient 5.
 * Exports nothing; the core finds it with {@link java.util.ServiceLoader}.
 */
module io.pusherj.auth.ajax {
    requires io.pusherj.api;
    requires io.pusherj.http;

    provides io.pusherj.api.spi.AuthTransportProvider with
            io.pusherj.auth.ajax.AjaxAuthTransportProvider;
}
