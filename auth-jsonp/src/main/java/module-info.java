/**
 * The {@code jsonp} auth transport: {@code GET endpoint?callback=NAME&...}, the JSON taken from between
 * {@code NAME(} and the last {@code )} and parsed as JSON only, never evaluated.
 */
module io.pusherj.auth.jsonp {
    requires io.pusherj.api;
    requires io.pusherj.http;

    provides io.pusherj.api.spi.AuthTransportProvider with
            io.pusherj.auth.jsonp.JsonpAuthTransportProvider;
}
