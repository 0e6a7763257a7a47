/**
 * A Pusher-protocol server on 127.0.0.1 (Jetty 12): {@link io.pusherj.server.PusherTestServer} speaks every
 * transport pusherj has, answers auth and REST calls, and has scriptable faults. The CLI's {@code serve} and
 * {@code demo}, the examples and the tests run it.
 */
module io.pusherj.server {
    requires transitive io.pusherj.api;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.websocket.server;
    requires org.eclipse.parsson;
    requires java.net.http;

    // Encrypted channels: found at run time when pusher-encryption is on the path (no compile dependency).
    uses io.pusherj.api.spi.SecretBoxProvider;

    exports io.pusherj.server;
    // Jetty binds endpoints through MethodHandles.publicLookup(), and the testkit's recorders share the
    // server's waiting list: plumbing, not API.
    exports io.pusherj.server.internal;
}
