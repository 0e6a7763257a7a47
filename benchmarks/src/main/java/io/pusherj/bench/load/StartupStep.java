package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code startup} measure, run from {@code compare}: a {@link StartupProbe} in a fresh JVM with default
 * flags and a lean class path (the library and what it needs, as an application ships it), timed from
 * process spawn to its "connected" line; then once more with {@code -Xlog:class+load} to count the classes
 * loaded up to that point (lambda classes apart). Two spawns, because logging every class load slows the
 * start it would measure. The library {@code cli} is {@code bin/pusherj listen}, timed from spawn to its
 * first {@code "current":"connected"} line (run from the repository's root; its class count is not taken).
 */
final class StartupStep {
    /** Class path entries each library's application ships, by a part of their file name. */
    private static final Map<String, List<String>> JARS = Map.of(
            "pusherj",
            List.of(
                    "pusher-api-",
                    "pusher-core-",
                    "pusher-transport-ws-",
                    "tyrus-",
                    "jakarta.websocket",
                    "parsson",
                    "jakarta.json-api"),
            "official",
            List.of("pusher-java-client", "Java-WebSocket", "gson", "slf4j-api"),
            "floor",
            List.of("tyrus-", "jakarta.websocket", "parsson", "jakarta.json-api"));

    private static final Map<String, String> PROBES = Map.of(
            "pusherj", StartupProbe.Pusherj.class.getName(),
            "official", StartupProbe.Official.class.getName(),
            "floor", StartupProbe.Floor.class.getName());

    private StartupStep() {}

    /** Whether the measure can run {@code library}. */
    static boolean supports(String library) {
        return JARS.containsKey(library) || library.equals("cli");
    }

    /**
     * Runs the probe of {@code library} against the server twice and returns the run line.
     *
     * @param target host, port and key of the running server
     */
    static JsonObject run(String library, String host, int port, String key, Path logs, int round) throws Exception {
        if (library.equals("cli")) {
            return cli(host, port, key, logs, round);
        }
        List<String> command =
                new ArrayList<>(List.of(ChildJvm.java(), "-cp", classPath(library), PROBES.get(library)));
        command.addAll(List.of(host, String.valueOf(port), key));

        long spawned = System.nanoTime();
        Process timed = new ProcessBuilder(command)
                .redirectError(logs.resolve("startup-" + library + "-" + round + ".log")
                        .toFile())
                .start();
        JsonObject line = firstJsonLine(timed);
        double spawnToConnected = (System.nanoTime() - spawned) / 1e6;
        timed.waitFor(30, TimeUnit.SECONDS);

        Path classLog = logs.resolve("startup-classes-" + library + "-" + round + ".txt");
        Files.deleteIfExists(classLog);
        List<String> counted = new ArrayList<>(command);
        counted.add(1, "-Xlog:class+load=info:file=" + classLog);
        Process withLog = new ProcessBuilder(counted)
                .redirectError(logs.resolve("startup-classes-" + library + "-" + round + ".log")
                        .toFile())
                .start();
        firstJsonLine(withLog);
        withLog.waitFor(30, TimeUnit.SECONDS);
        List<String> loaded = Files.readAllLines(classLog);
        long lambdas = loaded.stream().filter(l -> l.contains("$$Lambda")).count();

        JsonObjectBuilder out = header(library, command);
        if (line == null) {
            return out.add("error", "the probe printed no result; see its log").build();
        }
        return out.add(
                        "in_jvm_connect_ms",
                        line.getJsonNumber("in_jvm_connect_ms").doubleValue())
                .add("spawn_to_connected_ms", Math.round(spawnToConnected * 10) / 10.0)
                .add("classes_loaded", loaded.size())
                .add("lambda_classes", lambdas)
                .build();
    }

    private static JsonObject cli(String host, int port, String key, Path logs, int round) throws Exception {
        List<String> command = List.of(
                "bin/pusherj",
                "listen",
                "--key",
                key,
                "--ws-host",
                host,
                "--ws-port",
                String.valueOf(port),
                "--force-tls",
                "false",
                "--seconds",
                "5",
                "--channel",
                "startup");
        JsonObjectBuilder out = header("cli", command);
        long spawned = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectError(logs.resolve("startup-cli-" + round + ".log").toFile())
                .start();
        p.getOutputStream().close();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (l.contains("\"current\":\"connected\"")) {
                    return out.add("spawn_to_connected_ms", Math.round((System.nanoTime() - spawned) / 1e5) / 10.0)
                            .build();
                }
            }
            return out.add("error", "listen printed no connected line; see its log")
                    .build();
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String classPath(String library) {
        List<String> lean = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            // The harness's own classes (a directory): only the probe and the library's client load from it.
            if (name.equals("classes") || JARS.get(library).stream().anyMatch(name::startsWith)) {
                lean.add(entry);
            }
        }
        return String.join(File.pathSeparator, lean);
    }

    /** What every run line of the measure starts with. */
    private static JsonObjectBuilder header(String library, List<String> command) {
        return Json.createObjectBuilder()
                .add("measure", "startup")
                .add("library", library)
                .add("java", Runtime.version().toString())
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("command", String.join(" ", command));
    }

    private static JsonObject firstJsonLine(Process p) throws IOException {
        p.getOutputStream().close();
        return ChildJvm.nextJsonLine(
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }
}
