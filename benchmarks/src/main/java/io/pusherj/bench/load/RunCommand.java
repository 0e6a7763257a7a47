package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: one measure, one library, in this JVM; prints one JSON line. Without {@code --port} it
 * starts the feeder in this process too, which is fine for a try-out but puts the server's work in the
 * figures: {@code compare} runs the server in a process of its own.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run one measure with one library in this JVM and print one JSON line.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--measure",
            required = true,
            description = "cpu, ceiling, idle, threads, open, broadcast, fallback, storm or herd.")
    String measure;

    @Option(
            names = "--library",
            required = true,
            description =
                    "pusherj, pusherj-pusherjs-timing, official "
                            + "(pusher-java-client 2.4.4), floor, or pusher-js (storm and herd only; Node, conformance/driver).")
    String library;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "0",
            description = "Server port; 0 (default) starts the feeder in this process.")
    int port;

    @Option(names = "--key", defaultValue = "app-key", description = "App key (default ${DEFAULT-VALUE}).")
    String key;

    @Option(
            names = "--app-id",
            defaultValue = "app-id",
            description = "App id, for publishing (default ${DEFAULT-VALUE}).")
    String appId;

    @Option(
            names = "--secret",
            defaultValue = "app-secret",
            description = "App secret, for publishing (default ${DEFAULT-VALUE}).")
    String secret;

    @Option(
            names = "--transport",
            description = "ws (default), xhr_streaming, xhr_polling, sockjs, or default "
                    + "(pusherj's whole fallback strategy; the default for fallback).")
    String transport;

    @Option(names = "--clients", description = "Clients (idle 1000, threads 10000, open 1000, broadcast 10000).")
    Integer clients;

    @Option(names = "--events", description = "Events measured in the steady state (cpu, ceiling: 1000000).")
    Integer events;

    @Option(names = "--warmup", description = "Events before the steady state (cpu, ceiling: 200000).")
    Integer warmup;

    @Option(
            names = "--payload",
            description = "Bytes of event data (cpu, ceiling, broadcast: 40; at least " + Flood.MIN_BYTES + ").")
    Integer payload;

    @Option(
            names = "--rate",
            description = "Events per second in the steady state (delay: 100000; cpu, ceiling: as fast as the "
                    + "client reads; broadcast: back to back).")
    Integer rate;

    @Option(names = "--samples", description = "Repetitions: warm connects (open 50), broadcasts (3), fallbacks (5).")
    Integer samples;

    @Option(
            names = "--settle-seconds",
            defaultValue = "10",
            description =
                    "idle, threads: let the clients sit this long before measuring (default ${DEFAULT-VALUE}, max 600).")
    int settleSeconds;

    @Option(
            names = "--hold-seconds",
            defaultValue = "0",
            description =
                    "idle, threads: keep the clients open this long after measuring, to inspect the JVM (max 600).")
    int holdSeconds;

    @Override
    public Integer call() {
        Measure m = parse(Measure.class, measure, "--measure");
        Library lib = parse(Library.class, library, "--library");
        Settings settings = settings(m);
        JsonObjectBuilder line =
                Json.createObjectBuilder().add("measure", m.label()).add("library", lib.label());
        if (m == Measure.CPU || m == Measure.CEILING || m == Measure.DELAY) {
            line.add("payload_bytes", settings.payload());
        }
        if (m == Measure.DELAY) {
            line.add("rate", settings.rate());
        }
        int exit = 0;
        boolean ownServer = m == Measure.FALLBACK || m == Measure.STORM || m == Measure.HERD;
        if (lib == Library.PUSHER_JS && m != Measure.STORM && m != Measure.HERD) {
            line.add("supported", false).add("reason", "pusher-js is measured at the server only: storm and herd");
            spec.commandLine().getOut().println(line.build());
            return 0;
        }
        try (Feeder feeder = port == 0 && !ownServer ? new Feeder(0) : null) {
            Target target = feeder != null ? feeder.target() : new Target(host, port, key, appId, secret);
            line.add("server", feeder != null ? "in-process" : target.host() + ":" + target.port());
            line.addAll(m.run(lib, target, settings));
        } catch (UnsupportedMeasureException e) {
            line.add("supported", false).add("reason", e.getMessage());
        } catch (Exception e) {
            line.add("error", String.valueOf(e));
            exit = 1;
        }
        line.add("java", Runtime.version().toString())
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add(
                        "command",
                        LoadHarness.commandLine(spec.commandLine()
                                .getParseResult()
                                .originalArgs()
                                .toArray(String[]::new)));
        spec.commandLine().getOut().println(line.build());
        spec.commandLine().getOut().flush();
        return exit;
    }

    private Settings settings(Measure m) {
        String t = Optional.ofNullable(transport).orElse(m == Measure.FALLBACK ? "default" : "ws");
        int defaultClients = switch (m) {
            case THREADS, BROADCAST, HERD -> 10_000;
            default -> 1_000;
        };
        int defaultSamples = switch (m) {
            case OPEN -> 50;
            case BROADCAST -> 3;
            default -> 5;
        };
        Settings s = new Settings(
                t,
                Optional.ofNullable(clients).orElse(defaultClients),
                Optional.ofNullable(events).orElse(1_000_000),
                Optional.ofNullable(warmup).orElse(200_000),
                Optional.ofNullable(payload).orElse(40),
                Optional.ofNullable(rate).orElse(m == Measure.DELAY ? 100_000 : 0),
                Optional.ofNullable(samples).orElse(defaultSamples),
                settleSeconds,
                holdSeconds);
        if (s.clients() < 1
                || s.events() < 1
                || s.warmup() < 1
                || s.samples() < 1
                || s.payload() < Flood.MIN_BYTES
                || s.rate() < 0
                || holdSeconds < 0
                || holdSeconds > 600
                || settleSeconds < 0
                || settleSeconds > 600) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "clients, events, warmup and samples must be " + "positive, payload at least " + Flood.MIN_BYTES
                            + ", rate not negative, settle and hold 0 to 600 s");
        }
        return s;
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown " + option + " " + value);
        }
    }
}
