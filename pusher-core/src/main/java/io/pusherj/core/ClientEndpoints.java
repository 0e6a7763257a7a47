package io.pusherj.core;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.Endpoints;

/** Works out where a client's transports connect from its options (docs/protocol.md §1.2). */
final class ClientEndpoints {
    private ClientEndpoints() {}

    /**
     * The hosts in force: those set; else {@code ws-CLUSTER.pusher.com} and {@code sockjs-CLUSTER.pusher.com};
     * but when only {@code wsHost} is set (a self-hosted server) the HTTP fallbacks use that host too, so
     * they never silently go to pusher.com (pusher-js would send them there).
     */
    static Endpoints of(PusherOptions o) {
        String wsHost = o.wsHost().orElse("ws-" + o.cluster() + ".pusher.com");
        String httpHost = o.httpHost().or(o::wsHost).orElse("sockjs-" + o.cluster() + ".pusher.com");
        return new Endpoints(
                wsHost, o.wsPort(), o.wssPort(), o.wsPath(), httpHost, o.httpPort(), o.httpsPort(), o.httpPath());
    }
}
