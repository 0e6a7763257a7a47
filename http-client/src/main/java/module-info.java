/**
 * Support module: the Apache HttpClient 5 async client that pusherj's HTTP-based modules share, one per
 * TLS context and proxy, reference-counted, and the transport that sends stats ({@code enableStats}). Not
 * an application API; add the modules that use it instead.
 */
module io.pusherj.http {
    requires transitive io.pusherj.api;
    requires transitive org.apache.httpcomponents.client5.httpclient5;
    requires transitive org.apache.httpcomponents.core5.httpcore5;
    requires org.apache.httpcomponents.core5.httpcore5.h2;
    // HttpClient 5 is an automatic module: on a real module path it needs these resolved explicitly.
    requires org.slf4j;
    requires jdk.net;

    // Qualified: the shared client is plumbing for pusherj's own modules, not an API to build on.
    exports io.pusherj.http to
            io.pusherj.xhr,
            io.pusherj.auth.ajax,
            io.pusherj.auth.jsonp,
            io.pusherj.transport.sockjs;

    provides io.pusherj.api.spi.StatsTransportProvider with
            io.pusherj.http.HttpStatsTransportProvider;
}
