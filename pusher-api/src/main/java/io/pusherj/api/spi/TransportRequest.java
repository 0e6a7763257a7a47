package io.pusherj.api.spi;

import io.pusherj.api.PusherOptions;
import java.net.URI;
import java.util.Objects;

/**
 * Where one connection attempt goes. The URL layouts are pusher-js's ({@code core/transports/url_schemes.ts},
 * docs/protocol.md §1.2): the port is always written, even when it is the scheme's default.
 *
 * @param appKey the application key
 * @param useTLS whether this attempt uses TLS ({@code wss://}, {@code https://})
 * @param options the client's options (hosts, ports, paths)
 * @param clientName the {@code client} query value, e.g. {@code java-pusherj}
 * @param clientVersion the {@code version} query value, the library version
 */
public record TransportRequest(
        String appKey, boolean useTLS, PusherOptions options, String clientName, String clientVersion) {

    /** The Pusher protocol version this library speaks. */
    public static final int PROTOCOL_VERSION = 7;

    /**
     * Validates the components.
     *
     * @param appKey the application key
     * @param useTLS whether this attempt uses TLS ({@code wss://}, {@code https://})
     * @param options the client's options (hosts, ports, paths)
     * @param clientName the {@code client} query value, e.g. {@code java-pusherj}
     * @param clientVersion the {@code version} query value, the library version
     */
    public TransportRequest {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientVersion, "clientVersion");
    }

    /**
     * {@code /app/KEY?protocol=7&client=NAME&version=V}, shared by every transport.
     *
     * @return the path and query
     */
    public String genericPath() {
        return "/app/" + appKey + "?protocol=" + PROTOCOL_VERSION + "&client=" + clientName + "&version="
                + clientVersion;
    }

    /**
     * {@code ws(s)://wsHost:port} + {@code wsPath} + generic path + {@code &flash=false}.
     *
     * @return the WebSocket URI
     */
    public URI webSocketUri() {
        PusherOptions o = options;
        String scheme = useTLS ? "wss" : "ws";
        int port = useTLS ? o.wssPort() : o.wsPort();
        return URI.create(
                scheme + "://" + o.effectiveWsHost() + ":" + port + o.wsPath() + genericPath() + "&flash=false");
    }

    /**
     * {@code http(s)://httpHost:port} + {@code httpPath}: the SockJS base URL.
     *
     * @return the SockJS base URI
     */
    public URI httpBaseUri() {
        PusherOptions o = options;
        String scheme = useTLS ? "https" : "http";
        int port = useTLS ? o.httpsPort() : o.httpPort();
        return URI.create(scheme + "://" + o.effectiveHttpHost() + ":" + port + o.httpPath());
    }

    /**
     * {@link #httpBaseUri()} + generic path: the HTTP fallbacks' URL before session ids are added.
     *
     * @return the HTTP fallbacks' base URI
     */
    public URI httpUri() {
        return URI.create(httpBaseUri() + genericPath());
    }
}
