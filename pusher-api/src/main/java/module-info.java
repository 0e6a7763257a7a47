/**
 * The public API of pusherj and its service-provider interfaces.
 *
 * <p>Applications use {@link io.pusherj.api.Pusher}, {@link io.pusherj.api.PusherOptions} and the
 * types they return. Transport authors implement {@link io.pusherj.api.spi.TransportProvider}.
 * This module does no I/O; add {@code pusher-core} and at least one transport at run time.
 */
module io.pusherj.api {
    requires transitive jakarta.json;

    exports io.pusherj.api;
    exports io.pusherj.api.spi;
    // The machinery behind the API's default methods, which pusher-core's implementations extend.
    exports io.pusherj.api.internal to
            io.pusherj.core;

    uses io.pusherj.api.spi.PusherFactory;
}
