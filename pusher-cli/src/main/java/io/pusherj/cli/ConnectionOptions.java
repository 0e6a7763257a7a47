package io.pusherj.cli;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.PusherOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The client options of the Channels docs, kebab-cased, shared by every command that connects; new
 * flags go here, with the same naming.
 */
final class ConnectionOptions {
    @Option(names = "--key", required = true, description = "Application key.")
    String key;

    @Option(names = "--cluster", description = "Cluster (default mt1).")
    String cluster;

    @Option(names = "--ws-host", description = "WebSocket host.")
    String wsHost;

    @Option(names = "--ws-port", description = "Port for ws://.")
    Integer wsPort;

    @Option(names = "--wss-port", description = "Port for wss://.")
    Integer wssPort;

    @Option(names = "--ws-path", description = "Path prefix before /app/KEY.")
    String wsPath;

    @Option(names = "--http-host", description = "HTTP fallback host.")
    String httpHost;

    @Option(names = "--http-port", description = "Port for http:// fallbacks.")
    Integer httpPort;

    @Option(names = "--https-port", description = "Port for https:// fallbacks.")
    Integer httpsPort;

    @Option(names = "--http-path", description = "Path prefix of HTTP fallbacks.")
    String httpPath;

    @Option(names = "--force-tls", arity = "1", paramLabel = "true|false", description = "Use TLS (default true).")
    Boolean forceTLS;

    @Option(names = "--enabled-transports", split = ",", paramLabel = "a,b", description = "Only these transports.")
    String[] enabledTransports;

    @Option(names = "--disabled-transports", split = ",", paramLabel = "a,b", description = "Never these transports.")
    String[] disabledTransports;

    @Option(names = "--activity-timeout", paramLabel = "MS", description = "Idle time before a ping, in ms.")
    Long activityTimeout;

    @Option(names = "--pong-timeout", paramLabel = "MS", description = "Wait for a pong, in ms.")
    Long pongTimeout;

    @Option(names = "--auth-endpoint", paramLabel = "URL", description = "Channel auth endpoint (absolute URL).")
    String authEndpoint;

    @Option(
            names = "--auth-transport",
            paramLabel = "ajax|jsonp",
            description = "How the auth endpoint is called (default ajax).")
    String authTransport;

    @Option(names = "--auth-param", paramLabel = "k=v", description = "Extra auth parameter (repeatable).")
    Map<String, String> authParams = new LinkedHashMap<>();

    @Option(names = "--auth-header", paramLabel = "k=v", description = "Extra auth header (repeatable).")
    Map<String, String> authHeaders = new LinkedHashMap<>();

    @Option(names = "--user-auth-endpoint", paramLabel = "URL", description = "User sign-in endpoint (absolute URL).")
    String userAuthEndpoint;

    @Option(
            names = "--enable-stats",
            description = "Send connection stats to --stats-host (the Channels docs' enableStats; default off).")
    boolean enableStats;

    @Option(
            names = "--stats-host",
            paramLabel = "HOST[:PORT]",
            description = "Where stats go (default stats.pusher.com).")
    String statsHost;

    @Option(
            names = "--ca-cert",
            paramLabel = "FILE.pem",
            description =
                    "Trust only the certificates in this PEM file (a private CA or a self-signed server), as curl's --cacert.")
    Path caCert;

    @Option(
            names = "--proxy",
            paramLabel = "HOST:PORT",
            description = "Connect through this HTTP proxy (CONNECT), every transport and auth.")
    String proxy;

    /** The options as given; {@code build()} validates them. */
    PusherOptions.Builder toBuilder() {
        PusherOptions.Builder b = PusherOptions.builder();
        if (caCert != null) {
            b.sslContext(TrustedCertificates.sslContext(caCert));
        }
        if (proxy != null) {
            int colon = proxy.lastIndexOf(':');
            int port;
            try {
                port = colon < 0 ? -1 : Integer.parseInt(proxy.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535 || colon == 0) {
                throw new IllegalArgumentException("--proxy must be HOST:PORT, got '" + proxy + "'");
            }
            String host = proxy.substring(0, colon);
            b.proxy(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host, port);
        }
        if (cluster != null) {
            b.cluster(cluster);
        }
        if (wsHost != null) {
            b.wsHost(wsHost);
        }
        if (wsPort != null) {
            b.wsPort(wsPort);
        }
        if (wssPort != null) {
            b.wssPort(wssPort);
        }
        if (wsPath != null) {
            b.wsPath(wsPath);
        }
        if (httpHost != null) {
            b.httpHost(httpHost);
        }
        if (httpPort != null) {
            b.httpPort(httpPort);
        }
        if (httpsPort != null) {
            b.httpsPort(httpsPort);
        }
        if (httpPath != null) {
            b.httpPath(httpPath);
        }
        if (forceTLS != null) {
            b.forceTLS(forceTLS);
        }
        if (enabledTransports != null) {
            b.enabledTransports(enabledTransports);
        }
        if (disabledTransports != null) {
            b.disabledTransports(disabledTransports);
        }
        if (activityTimeout != null) {
            b.activityTimeout(Duration.ofMillis(activityTimeout));
        }
        if (pongTimeout != null) {
            b.pongTimeout(Duration.ofMillis(pongTimeout));
        }
        if (authEndpoint != null) {
            b.authEndpoint(authEndpoint);
        }
        if (authTransport != null) {
            b.authTransport(authTransport);
        }
        if (enableStats) {
            b.enableStats(true);
        }
        if (statsHost != null) {
            b.statsHost(statsHost);
        }
        authParams.forEach(b::authParam);
        authHeaders.forEach(b::authHeader);
        if (userAuthEndpoint != null) {
            // Sign-in goes through the same transport, with the same extra params and headers.
            var user = AuthOptions.forUsers()
                    .endpoint(userAuthEndpoint)
                    .params(authParams)
                    .headers(authHeaders);
            if (authTransport != null) {
                user.transport(authTransport);
            }
            b.userAuthentication(user.build());
        }
        return b;
    }
}
