package io.pusherj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.server.PusherTestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench asked for more clients than its process may open sockets for, in a child JVM whose open-file limit
 * is lowered ({@code ulimit -n}, which any process may do): it warns first, the clients that cannot get a
 * socket fail and retry without taking threads or strands down with them, and the run still ends with its
 * result.
 */
class BenchFileLimitTest {
    /** Low enough that about half of the clients get a socket: the JVM itself holds some 60 files. */
    static final int FILE_LIMIT = 160;

    static final int CLIENTS = 200;

    @Test
    void pastTheFileLimitTheBenchWarnsKeepsItsThreadsAndStillWritesItsResult(@TempDir Path dir) throws Exception {
        try (PusherTestServer server = PusherTestServer.start()) {
            List<String> command =
                    new ArrayList<>(List.of("bash", "-c", "ulimit -n " + FILE_LIMIT + " && exec \"$0\" \"$@\""));
            command.addAll(ChildJvm.bench(
                    dir,
                    server,
                    "--clients",
                    Integer.toString(CLIENTS),
                    "--rate",
                    "5",
                    "--duration",
                    "1",
                    "--json",
                    "-"));
            Path stdout = dir.resolve("out.json");
            Path stderr = dir.resolve("err.txt");
            Process p = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            try {
                // The clients that never subscribe hold the run for its 30 s subscription grace.
                assertTrue(p.waitFor(150, TimeUnit.SECONDS), "the bench did not end within 150 s");
            } finally {
                p.destroyForcibly(); // a no-op once it ended; else no JVM outlives the test
            }
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), err);
            assertTrue(err.contains("WARNING each client needs a socket"), err);
            assertFalse(err.contains("Exception"), "nothing thrown at the user: " + err);
            assertFalse(err.contains("unexpected failure"), err);
            JsonObject r = Json.createReader(new StringReader(Files.readString(stdout, StandardCharsets.UTF_8)))
                    .readObject();
            long subscribed = r.getJsonNumber("clients_subscribed").longValue();
            assertTrue(subscribed > 0 && subscribed < CLIENTS, r.toString());
            assertTrue(
                    r.getJsonObject("errors").keySet().stream().anyMatch(k -> k.startsWith("connection:")),
                    r.toString());
            assertTrue(
                    r.getInt("bench_threads") < 40,
                    "threads stay a handful while connects keep failing: " + r.getInt("bench_threads"));
        }
    }
}
