package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compare}: the feeder in one process, every run in a fresh JVM of its own, libraries alternating
 * within each round (A B C A B C), then one summary line per figure with each library's median and
 * pusherj's ratios to the floor and to pusher-java-client.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run every measure for every library, alternating, each run in a fresh JVM; print each run's "
                + "JSON line, then summary lines with medians and ratios.")
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--measures",
            split = ",",
            defaultValue = "cpu,ceiling,delay,idle,threads,open,broadcast,fallback",
            description = "Measures to run (default ${DEFAULT-VALUE}); also startup (a fresh lean JVM's first "
                    + "connect, from spawn, and the classes it loads) and memory (idle clients with default JVM flags: "
                    + "process RSS and Native Memory Tracking's committed memory per client).")
    List<String> measures;

    @Option(
            names = "--libraries",
            split = ",",
            defaultValue = "pusherj,official,floor",
            description = "Libraries to compare (default ${DEFAULT-VALUE}).")
    List<String> libraries;

    @Option(
            names = "--rounds",
            defaultValue = "2",
            description = "Runs per library and step, alternating (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of each run's JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(
            names = "--jvm-flags",
            defaultValue = "fixed",
            description = "fixed: each run's JVM gets a fixed, pretouched heap of --heap; default: no flags, as an "
                    + "application starts (default ${DEFAULT-VALUE}; the memory step always runs with default flags).")
    String jvmFlags;

    @Option(
            names = "--feeder",
            defaultValue = "jetty",
            description = "jetty: the harness's own server in a JVM; node: the same feeder written for Node with the "
                    + "ws library (benchmarks/node, after npm ci there), a server that is not a JVM "
                    + "(default ${DEFAULT-VALUE}).")
    String feeder;

    @Option(
            names = "--smoke",
            description = "Tiny sizes: proves the harness works in seconds; the figures mean nothing.")
    boolean smoke;

    @Option(
            names = "--logs",
            defaultValue = "benchmarks/target/load-logs",
            description = "Directory for each run's standard error (default ${DEFAULT-VALUE}).")
    Path logs;

    /** One row of the plan: a measure with its settings, for the libraries that can take part. */
    private record Step(String measure, List<String> args, List<String> libraries, String skipped) {
        String label() {
            return measure + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > 10) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be 1 to 10");
        }
        if (!List.of("fixed", "default").contains(jvmFlags)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jvm-flags must be fixed or default");
        }
        if (!List.of("jetty", "node").contains(feeder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--feeder must be jetty or node");
        }
        Files.createDirectories(logs);
        PrintWriter out = spec.commandLine().getOut();
        String self = LoadHarness.commandLine(
                spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
        Process server = new ProcessBuilder(
                        feeder.equals("node") ? List.of("node", "benchmarks/node/feeder.mjs") : java("-Xmx2g", "serve"))
                .redirectError(logs.resolve("serve.log").toFile())
                .start();
        try {
            JsonObject ready = firstJsonLine(server);
            List<String> target = List.of(
                    "--host",
                    ready.getString("host"),
                    "--port",
                    String.valueOf(ready.getInt("port")),
                    "--key",
                    ready.getString("key"),
                    "--app-id",
                    ready.getString("app_id"),
                    "--secret",
                    ready.getString("secret"));
            // The feeder's JIT warms up on an uncounted run first, so whichever library runs first is not
            // measured against a cold server.
            Step warmup =
                    new Step("open", List.of("--clients", size(1000, 20), "--samples", "5"), List.of("floor"), "");
            out.println(Json.createObjectBuilder(runChild(warmup, "floor", target, 0))
                    .add("warmup", true)
                    .build());
            for (Step step : plan()) {
                Map<String, List<JsonObject>> results = new LinkedHashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    for (String library : step.libraries()) {
                        JsonObject line = runChild(step, library, target, round);
                        out.println(line);
                        out.flush();
                        results.computeIfAbsent(library, k -> new ArrayList<>()).add(line);
                    }
                }
                if (!step.skipped().isEmpty()) {
                    out.println(Json.createObjectBuilder()
                            .add("measure", step.measure())
                            .add("step", step.label())
                            .add("supported", false)
                            .add("reason", step.skipped())
                            .add("command", self)
                            .build());
                }
                Summaries.of(step.measure(), step.label(), results, self).forEach(out::println);
                out.flush();
            }
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        return 0;
    }

    private List<Step> plan() {
        List<Step> plan = new ArrayList<>();
        List<String> all = libraries;
        List<String> wsOnlyScale =
                libraries.stream().filter(l -> !l.equals("official")).toList();
        String officialScale = libraries.contains("official")
                ? "official: not run at 10,000 clients (5 threads per connection: 50,000 threads)"
                : "";
        for (String measure : measures) {
            switch (measure) {
                case "cpu" -> {
                    plan.add(new Step("cpu", flood(40), all, ""));
                    plan.add(new Step("cpu", flood(1024), all, ""));
                }
                case "ceiling" -> plan.add(new Step("ceiling", flood(40), all, ""));
                case "delay" -> {
                    List<String> args = new ArrayList<>(flood(40));
                    args.addAll(List.of("--rate", "100000"));
                    plan.add(new Step("delay", args, all, ""));
                }
                case "idle" -> {
                    plan.add(new Step("idle", List.of("--clients", size(1000, 20)), all, ""));
                    plan.add(new Step(
                            "idle",
                            List.of("--clients", size(1000, 20), "--transport", "xhr_streaming"),
                            only("pusherj"),
                            ""));
                }
                case "threads" -> {
                    plan.add(new Step("threads", List.of("--clients", size(1000, 20)), all, ""));
                    plan.add(new Step("threads", List.of("--clients", size(10_000, 50)), wsOnlyScale, officialScale));
                }
                case "open" ->
                    plan.add(new Step("open", List.of("--clients", size(1000, 20), "--samples", size(50, 5)), all, ""));
                case "broadcast" -> {
                    plan.add(new Step(
                            "broadcast", List.of("--clients", size(1000, 20), "--samples", size(3, 1)), all, ""));
                    plan.add(new Step(
                            "broadcast",
                            List.of("--clients", size(10_000, 50), "--samples", size(3, 1)),
                            wsOnlyScale,
                            officialScale));
                }
                case "fallback" ->
                    plan.add(new Step(
                            "fallback",
                            List.of("--samples", size(5, 1)),
                            only("pusherj"),
                            "official and floor: WebSocket only"));
                case "memory" -> plan.add(new Step("memory", List.of("--clients", size(1000, 20)), all, ""));
                case "startup" ->
                    plan.add(new Step(
                            "startup",
                            List.of(),
                            libraries.stream().filter(StartupStep::supports).toList(),
                            ""));
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown measure " + measure);
            }
        }
        return plan;
    }

    private List<String> flood(int payload) {
        return List.of(
                "--payload",
                String.valueOf(payload),
                "--events",
                size(1_000_000, 20_000),
                "--warmup",
                size(200_000, 5_000));
    }

    private String size(int full, int smokeSize) {
        return String.valueOf(smoke ? smokeSize : full);
    }

    private List<String> only(String library) {
        return libraries.contains(library) ? List.of(library) : List.of();
    }

    private JsonObject runChild(Step step, String library, List<String> target, int round) throws Exception {
        if (step.measure().equals("startup")) { // a lean JVM of the library's own, not the harness
            JsonObject line = StartupStep.run(
                    library, target.get(1), Integer.parseInt(target.get(3)), target.get(5), logs, round);
            return Json.createObjectBuilder(line)
                    .add("step", step.label())
                    .add("round", round)
                    .build();
        }
        // A fixed, pretouched heap: resident memory then grows only by what connections add outside it. The
        // memory step is idle as an application runs it: default flags, with the JVM counting its memory too.
        List<String> args = new ArrayList<>();
        if (step.measure().equals("memory")) {
            args.add("-XX:NativeMemoryTracking=summary");
        } else if (jvmFlags.equals("fixed")) {
            args.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch"));
        }
        args.addAll(List.of(
                "run", "--measure", step.measure().equals("memory") ? "idle" : step.measure(), "--library", library));
        if (!step.measure().equals("fallback")) {
            args.addAll(target);
        }
        args.addAll(step.args());
        if (smoke && List.of("idle", "threads", "memory").contains(step.measure())) {
            args.addAll(List.of("--settle-seconds", "0"));
        }
        String logName = (step.label() + " " + library + " " + round).replaceAll("[^A-Za-z0-9]+", "-") + ".log";
        Process child = new ProcessBuilder(java(args.toArray(String[]::new)))
                .redirectError(logs.resolve(logName).toFile())
                .start();
        child.getOutputStream().close();
        JsonObject line = firstJsonLine(child);
        if (!child.waitFor(30, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        return Json.createObjectBuilder(line)
                .add("step", step.label())
                .add("round", round)
                .build();
    }

    /** The command that starts this harness in a fresh JVM with the same class path. */
    private static List<String> java(String... args) {
        return ChildJvm.command(args);
    }

    /** Reads the process's output until its first JSON line (bounded by the process's own bounds). */
    private static JsonObject firstJsonLine(Process p) throws IOException {
        JsonObject line = ChildJvm.nextJsonLine(
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        return line != null
                ? line
                : Json.createObjectBuilder()
                        .add("error", "no result; exit code " + waitExit(p))
                        .build();
    }

    private static int waitExit(Process p) {
        try {
            return p.waitFor(1, TimeUnit.MINUTES) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
