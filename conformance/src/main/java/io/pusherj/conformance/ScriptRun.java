package io.pusherj.conformance;

import io.pusherj.server.PusherTestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One run of a script with one client: a fresh test server, the driver, the server's steps, the transcript. */
final class ScriptRun {
    private static final Duration END_WAIT = Duration.ofSeconds(45);
    private static final Duration START_WAIT = Duration.ofSeconds(20);

    private ScriptRun() {}

    /**
     * The outcome of a run.
     *
     * @param transcript what was recorded, or null if the run failed
     * @param failure why the run failed, or null
     */
    record Outcome(Transcript transcript, String failure) {}

    /**
     * Runs {@code script} with pusher-js ({@code node}) or pusherj; {@code pusherJsTiming} gives pusherj
     * pusher-js's exact reconnect timing instead of its backoff.
     */
    static Outcome run(Script script, boolean pusherJs, Path driverDir, boolean pusherJsTiming) {
        JsonObject s = script.server();
        try (PusherTestServer server = PusherTestServer.builder()
                        .tls(s.getBoolean("tls", false))
                        .activityTimeoutSeconds(s.getInt("activityTimeout", 120))
                        .subscriptionCount(s.getBoolean("subscriptionCount", false))
                        .start();
                ClientDriver driver = pusherJs
                        ? new PusherJsDriver(script, server, driverDir)
                        : new PusherjDriver(script, server, pusherJsTiming)) {
            ScriptServer scriptServer = new ScriptServer(server);
            List<JsonValue> steps = script.steps();
            int setup = ScriptServer.leadingSetupSteps(steps);
            try {
                // Set-up steps (a fault, a cached event) apply before the client starts: run after it, they
                // raced with its first connection, and a fast client won.
                scriptServer.run(steps.subList(0, setup), driver::stop);
                driver.start();
                driver.awaitStarted(START_WAIT);
                scriptServer.run(steps.subList(setup, steps.size()), driver::stop);
            } catch (AssertionError e) {
                return new Outcome(
                        null, "the script's server step failed with " + driver.name() + ": " + e.getMessage());
            }
            List<JsonObject> records = driver.awaitEnd(END_WAIT);
            return new Outcome(Transcript.of(script, records, server), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (Exception e) {
            return new Outcome(null, (pusherJs ? "pusher-js" : "pusherj") + ": " + e.getMessage());
        }
    }
}
