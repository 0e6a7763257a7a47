package io.pusherj.bench.load;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the feeder server on 127.0.0.1, in this process. Prints one JSON line with its address
 * and credentials, then serves until its standard input closes (the parent harness exited) or the time
 * limit passes.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Run the feeder server (testkit server + flood channels) until stdin closes or --max-minutes pass.")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port (default 0: a free one).")
    int port;

    @Option(
            names = "--max-minutes",
            defaultValue = "120",
            description = "Stop after this long (default ${DEFAULT-VALUE}).")
    int maxMinutes;

    @Override
    public Integer call() throws Exception {
        try (Feeder feeder = new Feeder(port)) {
            Target t = feeder.target();
            spec.commandLine()
                    .getOut()
                    .println(Json.createObjectBuilder()
                            .add("serve", "ready")
                            .add("host", t.host())
                            .add("port", t.port())
                            .add("key", t.key())
                            .add("app_id", t.appId())
                            .add("secret", t.secret())
                            .build());
            spec.commandLine().getOut().flush();
            Thread stdin = new Thread(ServeCommand::drain, "serve-stdin");
            stdin.setDaemon(true);
            stdin.start();
            stdin.join(maxMinutes * 60_000L);
        }
        return 0;
    }

    /** Returns when standard input reaches its end. */
    private static void drain() {
        try (InputStream in = System.in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The parent is gone either way.
        }
    }
}
