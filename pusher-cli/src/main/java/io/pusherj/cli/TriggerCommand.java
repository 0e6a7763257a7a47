package io.pusherj.cli;

import io.pusherj.server.RestClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trigger}: publishes an event through the HTTP API of any Pusher-compatible server. */
@Command(
        name = "trigger",
        mixinStandardHelpOptions = true,
        description = "Publish an event through the HTTP API (signed like Pusher's REST API).")
final class TriggerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--app-id", required = true)
    String appId;

    @Option(names = "--key", required = true)
    String key;

    @Option(names = "--secret", required = true)
    String secret;

    @Option(names = "--host", required = true)
    String host;

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--tls", description = "Use https.")
    boolean tls;

    @Option(names = "--channel", required = true, description = "Channel (repeatable).")
    List<String> channels;

    @Option(names = "--event", required = true)
    String event;

    @Option(names = "--data", required = true, description = "Event data (usually JSON).")
    String data;

    @Override
    public Integer call() {
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
        }
        URI base;
        try {
            base = URI.create((tls ? "https://" : "http://") + host + ":" + port);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid --host: " + host);
        }
        try {
            RestClient.Result result = new RestClient(base, appId, key, secret).trigger(channels, event, data);
            spec.commandLine().getOut().println(result.status() + " " + result.body());
            spec.commandLine().getOut().flush();
            return result.isSuccess() ? 0 : 1;
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("trigger failed: " + e.getMessage());
            return 1;
        }
    }
}
