package io.pusherj.bench.load;

import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The load harness: drives clients of pusherj, of {@code com.pusher:pusher-java-client} 2.4.4,
 * or the bare Tyrus + JSON-P floor against a Pusher-protocol server, and prints one JSON line per
 * measure. {@code compare} is the entry point for figures; {@code run} and {@code serve} are its parts.
 */
@Command(
        name = "load-harness",
        mixinStandardHelpOptions = true,
        description = "Load harness: pusherj vs pusher-java-client 2.4.4 vs a bare Tyrus + JSON-P floor, "
                + "one JSON line per measure. Only 127.0.0.1 by default; every run is bounded.",
        subcommands = {
            CompareCommand.class,
            RunCommand.class,
            ServeCommand.class,
            HerdServerCommand.class,
            SummarizeCommand.class
        })
public final class LoadHarness implements Runnable {
    /** The class path as the README's commands give it, from the repository root. */
    static final String CLASS_PATH = "benchmarks/target/classes:benchmarks/target/lib/*";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadHarness()).execute(args));
    }

    /**
     * This JVM's command line in reproducible form: its JVM options, the README's class path, this class
     * and {@code args}.
     */
    static String commandLine(String... args) {
        return Stream.of(
                        Stream.of("java"),
                        ManagementFactory.getRuntimeMXBean().getInputArguments().stream(),
                        Stream.of("-cp", "'" + CLASS_PATH + "'", LoadHarness.class.getName()),
                        Stream.of(args))
                .flatMap(s -> s)
                .collect(Collectors.joining(" "));
    }
}
