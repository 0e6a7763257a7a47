package io.pusherj.api.spi;

import java.net.URI;
import java.util.Objects;

/**
 * Where one connection attempt goes. The URL layouts are pusher-js's ({@code core/transports/url_schemes.ts},
 * docs/protocol.md §1.2): the port is always written, even when it is the scheme's default.
 *
 * @param appKey the application key
 * @param useTLS whether this attempt uses TLS ({@code wss://}, {@code https://})
 * @param endpoints where the client's transports connect (hosts, ports, paths)
 * @param clientName the {@code client} query value, e.g. {@code java-pusherj}
 * @param clientVersion the {@code version} query value, the library version
 */
public record TransportRequest(
        String appKey, boolean useTLS, Endpoints endpoints, String clientName, String clientVersion) {

    /** The Pusher protocol version this library speaks. */
    public static final int PROTOCOL_VERSION = 7;

    /**
     * Validates the components.
     *
     * @param appKey the application key
     * @param useTLS whether this attempt uses TLS ({@code wss://}, {@code https://})
     * @param endpoints where the client's transports connect (hosts, ports, paths)
     * @param clientName the {@code client} query value, e.g. {@code java-pusherj}
     * @param clientVersion the {@code version} query value, the library version
     */
    public TransportRequest {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(endpoints, "endpoints");
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
        Endpoints e = endpoints;
        String scheme = useTLS ? "wss" : "ws";
        int port = useTLS ? e.wssPort() : e.wsPort();
        return URI.create(scheme + "://" + e.wsHost() + ":" + port + e.wsPath() + genericPath() + "&flash=false");
    }

    /**
     * {@code http(s)://httpHost:port} + {@code httpPath}: the SockJS base URL.
     *
     * @return the SockJS base URI
     */
    public URI httpBaseUri() {
        Endpoints e = endpoints;
        String scheme = useTLS ? "https" : "http";
        int port = useTLS ? e.httpsPort() : e.httpPort();
        return URI.create(scheme + "://" + e.httpHost() + ":" + port + e.httpPath());
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
