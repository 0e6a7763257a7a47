package io.pusherj.conformance;

import io.pusherj.server.PusherTestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a script's client part with pusher-js 8.6.0 in Node ({@code driver/pusher-js-driver.mjs}): one
 * process per run, given the script's options mapped to pusher-js's names; its JSON lines are the
 * records.
 */
final class PusherJsDriver implements ClientDriver {
    private final Script script;
    private final PusherTestServer server;
    private final Path driver;
    private final Recorder recorder = new Recorder();
    private final StringBuffer stderr = new StringBuffer();
    private Process process;

    PusherJsDriver(Script script, PusherTestServer server, Path driverDir) {
        this.script = script;
        this.server = server;
        this.driver = driverDir.resolve("pusher-js-driver.mjs");
    }

    @Override
    public String name() {
        return "pusher-js";
    }

    @Override
    public void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", driver.toString(), config().toString());
        if (script.server().getBoolean("tls", false)) {
            Path ca = Files.createTempFile("pusherj-conformance-ca", ".pem");
            ca.toFile().deleteOnExit();
            Files.writeString(ca, server.tlsCertificatePem());
            pb.environment().put("NODE_EXTRA_CA_CERTS", ca.toString());
        }
        process = pb.start();
        Thread reader = new Thread(this::readRecords, "conformance-pusher-js-" + script.name());
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(
                () -> {
                    try {
                        stderr.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        stderr.append(e);
                    }
                },
                "conformance-pusher-js-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /** The driver's configuration: where the server is, pusher-js options, the actions. */
    private JsonObject config() {
        JsonObject o = script.options();
        var options = JsonValues.JSON.createObjectBuilder();
        for (String name : List.of("activityTimeout", "pongTimeout", "unavailableTimeout")) {
            if (o.containsKey(name)) {
                options.add(name, o.get(name));
            }
        }
        if (o.getBoolean("auth", false)) {
            options.add(
                    "channelAuthorization",
                    JsonValues.JSON
                            .createObjectBuilder()
                            .add("endpoint", server.authEndpoint().toString())
                            .add("transport", "ajax")
                            .add(
                                    "params",
                                    o.containsKey("authParams") ? o.get("authParams") : JsonValue.EMPTY_JSON_OBJECT));
        }
        if (o.getBoolean("userAuth", false)) {
            options.add(
                    "userAuthentication",
                    JsonValues.JSON
                            .createObjectBuilder()
                            .add("endpoint", server.userAuthEndpoint().toString())
                            .add("transport", "ajax")
                            .add(
                                    "params",
                                    o.containsKey("userParams") ? o.get("userParams") : JsonValue.EMPTY_JSON_OBJECT));
        }
        var config = JsonValues.JSON
                .createObjectBuilder()
                .add("key", server.appKey())
                .add("host", server.host())
                .add("port", server.port())
                .add("options", options)
                .add("actions", script.actions())
                .add("timeoutMs", 40_000);
        if (script.server().getBoolean("tls", false)) {
            config.add("tlsPort", server.tlsPort());
        }
        if (o.containsKey("customAuth")) {
            config.add("customAuth", o.getString("customAuth")).add("secret", server.appSecret());
        }
        return config.build();
    }

    private void readRecords() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonObject record = JsonValues.parse(line).asJsonObject();
                switch (record.get("t") instanceof JsonString t ? t.getString() : "") {
                    case "end" -> recorder.end();
                    case "timeout" -> recorder.fail("the pusher-js driver timed out");
                    default -> recorder.add(record);
                }
            }
            recorder.fail("the pusher-js driver exited without finishing; stderr: " + stderr);
        } catch (IOException | RuntimeException e) {
            recorder.fail("cannot read the pusher-js driver: " + e + "; stderr: " + stderr);
        }
    }

    @Override
    public void awaitStarted(Duration timeout) throws InterruptedException {
        recorder.awaitStarted(timeout, name());
    }

    @Override
    public void stop() {
        try {
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            recorder.fail("cannot stop the pusher-js driver: " + e);
        }
    }

    @Override
    public List<JsonObject> awaitEnd(Duration timeout) throws InterruptedException {
        return recorder.awaitEnd(timeout, name());
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
