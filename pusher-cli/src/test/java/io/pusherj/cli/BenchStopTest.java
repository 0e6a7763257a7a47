package io.pusherj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.server.PusherTestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench stopped early, as Ctrl-C or a TERM stops it, in a JVM of its own: it stops publishing, drains,
 * closes its clients and still writes the result of what ran, marked as stopped early.
 */
class BenchStopTest {
    /** A progress line once events are arriving. */
    static final Pattern RECEIVING = Pattern.compile("[1-9][0-9]* events/s received");

    @Test
    void aBenchStoppedEarlyStillWritesTheResultOfWhatRan(@TempDir Path dir) throws Exception {
        try (PusherTestServer server = PusherTestServer.start()) {
            Path stdout = dir.resolve("out.json");
            Process p = new ProcessBuilder(ChildJvm.bench(
                            dir, server, "--clients", "5", "--rate", "20", "--duration", "3600", "--json", "-"))
                    .redirectOutput(stdout.toFile())
                    .start();
            CountDownLatch receiving = new CountDownLatch(1);
            StringBuilder err = new StringBuilder();
            Thread reader = new Thread(() -> readLines(p, err, receiving), "bench-stderr");
            reader.start();
            try {
                assertTrue(receiving.await(60, TimeUnit.SECONDS), "no events arrived: " + err);
                p.destroy(); // a TERM: the JVM runs its shutdown hooks, as on Ctrl-C's INT
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a stopped bench ends within a minute, not an hour");
            } finally {
                p.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            JsonObject r = Json.createReader(new StringReader(Files.readString(stdout, StandardCharsets.UTF_8)))
                    .readObject();
            assertTrue(r.getBoolean("stopped_early"), r.toString());
            assertTrue(r.getJsonNumber("published").longValue() > 0, r.toString());
            assertEquals(1.0, r.getJsonNumber("reach").doubleValue(), "what was published before the stop arrived");
        }
    }

    private static void readLines(Process p, StringBuilder err, CountDownLatch receiving) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (err) {
                    err.append(line).append('\n');
                }
                if (RECEIVING.matcher(line).find()) {
                    receiving.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
