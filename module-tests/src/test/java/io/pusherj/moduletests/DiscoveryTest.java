package io.pusherj.moduletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A consumer built with three module sets, each run on the module path and on the class path, finds
 * exactly the transports of its set: the a la carte promise of the BOM and ServiceLoader discovery.
 */
class DiscoveryTest {
    /** Path entries (jars or class directories) that belong to the HTTP fallbacks. */
    private static final List<String> XHR =
            List.of("transport-xhr-", "xhr-support", "http-client", "httpclient5", "httpcore5", "slf4j-api");
    /** Path entries that belong to SockJS and the auth and encryption modules. */
    private static final List<String> REST = List.of(
            "transport-sockjs",
            "spring-",
            "micrometer",
            "auth-ajax",
            "auth-jsonp",
            "pusher-auth-",
            "encryption",
            "salty-coffee",
            "tweetnacl");

    @ParameterizedTest(name = "{0} on the {1} path")
    @CsvSource({
        "ws only,     module, ws=present xhr_streaming=absent xhr_polling=absent sockjs=absent",
        "ws only,     class,  ws=present xhr_streaming=absent xhr_polling=absent sockjs=absent",
        "ws and xhr,  module, ws=present xhr_streaming=present xhr_polling=present sockjs=absent",
        "ws and xhr,  class,  ws=present xhr_streaming=present xhr_polling=present sockjs=absent",
        "everything,  module, ws=present xhr_streaming=present xhr_polling=present sockjs=present",
        "everything,  class,  ws=present xhr_streaming=present xhr_polling=present sockjs=present"
    })
    void findsExactlyTheTransportsOnItsPath(String set, String path, String expected) throws Exception {
        List<String> entries = runtimePath().stream()
                .filter(e -> switch (set) {
                    case "ws only" -> Stream.concat(XHR.stream(), REST.stream()).noneMatch(e::contains);
                    case "ws and xhr" -> REST.stream().noneMatch(e::contains);
                    default -> true;
                })
                .toList();
        String output = runConsumer(entries, path);
        List<String> lines = output.lines().filter(l -> l.startsWith("ws=")).toList();
        assertEquals(List.of(expected), lines, output);
    }

    @Test
    void aBrokenProviderIsReportedAndSkippedAndTheOthersStillWork(@TempDir Path broken) throws Exception {
        // A jar whose service file names a class that is not there: loading it fails, the others must not.
        Path services = Files.createDirectories(broken.resolve("META-INF/services"));
        Files.writeString(
                services.resolve("io.pusherj.api.spi.TransportProvider"), "com.example.NoSuchTransportProvider\n");
        List<String> entries = new ArrayList<>(runtimePath());
        entries.add(0, broken.toString());

        String output = runConsumer(entries, "class");

        assertEquals(
                List.of("ws=present xhr_streaming=present xhr_polling=present sockjs=present"),
                output.lines().filter(l -> l.startsWith("ws=")).toList(),
                output);
        assertTrue(output.contains("TransportProvider provider could not be loaded; skipped"), output);
    }

    @ParameterizedTest(name = "on the {0} path")
    @CsvSource({"module", "class"})
    void metricsAndFlowPublishersWorkOnEitherPath(String path) throws Exception {
        String output = runConsumer(runtimePath(), path, "Observability");
        assertEquals(
                List.of("states=connecting meters=pusher.auth.requests,pusher.connection.state,"
                        + "pusher.connection.time.to.connected,"
                        + "pusher.events.received,pusher.inbound.queued,pusher.subscriptions"),
                output.lines().filter(l -> l.startsWith("states=")).toList(),
                output);
    }

    private static String runConsumer(List<String> entries, String path) throws Exception {
        return runConsumer(entries, path, "Discovery");
    }

    /**
     * Runs a consumer's main class in a fresh JVM on the module or class path made of {@code entries}; its
     * output. On the module path, pusher-micrometer joins the graph when present (the consumer requires it
     * statically, as an application that can do without it would).
     */
    private static String runConsumer(List<String> entries, String path, String mainClass) throws Exception {
        String joined = String.join(File.pathSeparator, entries);
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        String main = "io.pusherj.moduletests." + mainClass;
        if (path.equals("module")) {
            if (entries.stream().anyMatch(e -> e.contains("pusher-micrometer"))) {
                command.addAll(List.of("--add-modules", "io.pusherj.micrometer"));
            }
            command.addAll(List.of("-p", joined, "-m", "io.pusherj.moduletests/" + main));
        } else {
            command.addAll(List.of("-cp", joined, main));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the consumer did not finish within 60 s");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    /** Everything this test runs with: the consumer, pusherj's modules and their dependencies. */
    private static List<String> runtimePath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String e : value.split(File.pathSeparator)) {
                if (!e.isBlank()
                        && !e.contains("junit")
                        && !e.contains("opentest4j")
                        && !e.contains("apiguardian")
                        && !e.contains("surefire")
                        && !e.contains("test-classes")) {
                    entries.add(e);
                }
            }
        }
        return List.copyOf(entries);
    }
}
