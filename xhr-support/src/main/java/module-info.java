/**
 * Support module: what the {@code xhr_streaming} and {@code xhr_polling} transports share
 * (docs/protocol.md §11): session ids, URLs, the line framing and the socket over the shared HttpClient
 * 5. Not an application API; add the transport modules instead.
 */
module io.pusherj.xhr {
    requires transitive io.pusherj.api;
    requires transitive io.pusherj.http;

    // Qualified: shared code of the two HTTP transports, not an API to build on.
    exports io.pusherj.xhr to
            io.pusherj.transport.xhr.streaming,
            io.pusherj.transport.xhr.polling;
}
