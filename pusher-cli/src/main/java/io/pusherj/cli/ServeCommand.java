package io.pusherj.cli;

import io.pusherj.server.PusherTestServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the testkit's Pusher-protocol server in the foreground on 127.0.0.1. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run a local Pusher-protocol server on 127.0.0.1 (WebSocket + HTTP API).")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "6001",
            description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--app-id", defaultValue = "app-id", description = "App id (default ${DEFAULT-VALUE}).")
    String appId;

    @Option(names = "--key", defaultValue = "app-key", description = "App key (default ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--secret", defaultValue = "app-secret", description = "App secret (default ${DEFAULT-VALUE}).")
    String secret;

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after N seconds (default: until Ctrl-C).")
    Long seconds;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        PusherTestServer server = PusherTestServer.builder()
                .port(port)
                .appId(appId)
                .appKey(key)
                .appSecret(secret)
                .start();
        PrintWriter out = spec.commandLine().getOut();
        out.println("pusherj test server on " + server.host() + ":" + server.port());
        out.println("  WebSocket: " + server.webSocketUri());
        out.println("  HTTP API:  " + server.httpUri() + "/apps/" + appId + "/events");
        out.println("  auth:      " + server.authEndpoint() + " (ajax POST, jsonp GET with callback=)");
        out.println("  user auth: " + server.userAuthEndpoint());
        out.println("  app-id=" + appId + " key=" + key + " secret=" + secret);
        out.println("  listen:  bin/pusherj listen --key " + key + " --ws-host " + server.host() + " --ws-port "
                + server.port() + " --force-tls false --channel demo");
        out.println("  trigger: bin/pusherj trigger --app-id " + appId + " --key " + key + " --secret " + secret
                + " --host " + server.host() + " --port " + server.port()
                + " --channel demo --event hello --data '{\"hi\":1}'");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(server::close, "pusherj-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (seconds != null) {
            stop.await(seconds, TimeUnit.SECONDS);
        } else {
            stop.await();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        server.close();
        return 0;
    }
}
