package io.pusherj.bench.load;

import java.net.URI;

/** The Pusher-protocol server the clients connect to, and the app credentials for its HTTP API. */
record Target(String host, int port, String key, String appId, String secret) {
    /** The plain WebSocket URL of the app, as the official client and the floor build it. */
    URI webSocketUri(String client) {
        return URI.create(
                "ws://" + host + ":" + port + "/app/" + key + "?protocol=7&client=" + client + "&version=bench");
    }

    /** The server's HTTP API base. */
    URI httpUri() {
        return URI.create("http://" + host + ":" + port);
    }
}
