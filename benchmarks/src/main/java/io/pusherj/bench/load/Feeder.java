package io.pusherj.bench.load;

import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;

/**
 * The harness's server: the testkit's Pusher-protocol server on 127.0.0.1, with subscription counts off
 * (10,000 subscribers would otherwise get 10,000 count updates each) and the {@link Flood} convention.
 */
final class Feeder implements AutoCloseable {
    private final PusherTestServer server;

    Feeder(int port) {
        server = PusherTestServer.builder()
                .port(port)
                .subscriptionCount(false)
                .onSubscribed(Feeder::maybeFlood)
                .start();
    }

    /** Runs on a server thread: floods from a thread of its own, one per flood channel subscribed to. */
    private static void maybeFlood(ServerConnection connection, String channel) {
        Flood.parse(channel).ifPresent(flood -> {
            Thread t = new Thread(
                    () -> {
                        long nanos = connection.floodFrames(flood.count(), flood.pacedFrames(), Flood.WINDOW);
                        connection.flood(channel, Flood.DONE_EVENT, 1, i -> Long.toString(nanos), 1);
                    },
                    "feeder-" + connection.socketId());
            t.setDaemon(true);
            t.start();
        });
    }

    Target target() {
        return new Target(server.host(), server.port(), server.appKey(), server.appId(), server.appSecret());
    }

    @Override
    public void close() {
        server.close();
    }
}
