/**
 * Test support for pusherj and for applications built on it: {@link io.pusherj.testkit.VirtualScheduler}
 * (virtual time), recording listeners, a fault-injecting proxy, a fuzzer, and the contract every transport
 * passes. The local server they run against, {@link io.pusherj.server.PusherTestServer}, comes with it.
 */
module io.pusherj.testkit {
    requires transitive io.pusherj.api;
    requires transitive io.pusherj.server;
    requires org.eclipse.parsson;

    exports io.pusherj.testkit;
}
