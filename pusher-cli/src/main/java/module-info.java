/**
 * The pusherj command line: {@code listen}, {@code serve}, {@code trigger}, {@code demo} and {@code bench}.
 * The output of listen (JSON lines) and bench (one JSON document) is a contract other programs parse; see
 * the module README.
 */
module io.pusherj.cli {
    requires io.pusherj.api;
    requires io.pusherj.server;
    requires info.picocli;
    requires HdrHistogram; // bench's latency histograms (an automatic module: its jar names none)
    requires org.eclipse.parsson;
    requires jdk.management; // bench: its own CPU time
    requires java.net.http; // bench: a publish that timed out

    // pusher-core and the transports are bound at run time through ServiceLoader (pusher-api uses them).
    opens io.pusherj.cli to
            info.picocli;
}
