package io.pusherj.cli;

import io.pusherj.server.PusherTestServer;
import java.util.ArrayList;
import java.util.List;

/** The command line of a bench against a test server, for the tests that run one in this JVM or another. */
final class BenchArgs {
    private BenchArgs() {}

    /**
     * {@return {@code bench} with the flags that point it at {@code server}, signed with {@code secret},
     * then {@code extra}}
     */
    static List<String> against(PusherTestServer server, String secret, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "bench",
                "--key",
                server.appKey(),
                "--app-id",
                server.appId(),
                "--secret",
                secret,
                "--ws-host",
                server.host(),
                "--ws-port",
                Integer.toString(server.port()),
                "--force-tls",
                "false"));
        args.addAll(List.of(extra));
        return args;
    }
}
