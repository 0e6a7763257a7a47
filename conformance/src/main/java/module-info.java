/**
 * The differential conformance suite: runs each script of {@code conformance/scripts} against the local
 * server once with pusher-js (in Node) and once with pusherj, and fails on any difference in what the two
 * clients report that {@code allowed-differences.json} does not list. See the module README.
 */
module io.pusherj.conformance {
    requires io.pusherj.api;
    requires io.pusherj.server;
    requires info.picocli;
    requires org.eclipse.parsson;

    // pusher-core, the ws transport, ajax auth and encryption are bound at run time through ServiceLoader.
    opens io.pusherj.conformance to
            info.picocli;
}
