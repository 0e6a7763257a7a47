/**
 * Test support for pusherj and for applications built on it: {@link io.pusherj.testkit.PusherTestServer}
 * (a Pusher-protocol server on 127.0.0.1 with scriptable faults), {@link io.pusherj.testkit.VirtualScheduler}
 * (virtual time) and recording listeners.
 */
module io.pusherj.testkit {
    requires transitive io.pusherj.api;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.websocket.server;
    requires org.eclipse.parsson;
    requires java.net.http;

    // Encrypted channels: found at run time when pusher-encryption is on the path (no compile dependency).
    uses io.pusherj.api.spi.SecretBoxProvider;

    exports io.pusherj.testkit;
    // Jetty binds endpoints through MethodHandles.publicLookup(): plumbing, not API.
    exports io.pusherj.testkit.internal;
}
