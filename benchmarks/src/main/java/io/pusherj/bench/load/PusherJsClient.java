package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * pusher-js 8.6.0 in a Node process, driven by the conformance suite's driver
 * ({@code conformance/driver/pusher-js-driver.mjs}, after {@code npm ci} there): it subscribes, connects
 * and reports its states as JSON lines. Only what a server sees is measured with it (reconnect storms),
 * so events are not forwarded. Run from the repository root.
 */
final class PusherJsClient implements BenchClient {
    static final Path DRIVER = Path.of("conformance/driver/pusher-js-driver.mjs");

    private final Target target;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private Process process;

    PusherJsClient(Target target) {
        if (!Files.isRegularFile(DRIVER) || !Files.isDirectory(DRIVER.resolveSibling("node_modules"))) {
            throw new UnsupportedMeasureException("pusher-js needs " + DRIVER + " with its node_modules: run "
                    + "`(cd conformance/driver && npm ci)` from the repository root");
        }
        this.target = target;
    }

    @Override
    public CompletableFuture<Void> connect() {
        return connected; // the process connects once it knows its channel (subscribe)
    }

    @Override
    public CompletableFuture<Void> subscribe(String channel, Map<String, Consumer<String>> handlers) {
        JsonObject config = Json.createObjectBuilder()
                .add("key", target.key())
                .add("host", target.host())
                .add("port", target.port())
                .add("options", Json.createObjectBuilder())
                .add("timeoutMs", 600_000)
                .add(
                        "actions",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("do", "subscribe")
                                        .add("channel", channel))
                                .add(Json.createObjectBuilder().add("do", "connect")))
                .build();
        try {
            process = new ProcessBuilder("node", DRIVER.toString(), config.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UnsupportedMeasureException("cannot start node: " + e.getMessage());
        }
        Thread reader = new Thread(() -> read(channel), "bench-pusher-js");
        reader.setDaemon(true);
        reader.start();
        return subscribed;
    }

    private void read(String channel) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonObject r = Json.createReader(new StringReader(line)).readObject();
                if ("state".equals(r.getString("t", "")) && "connected".equals(r.getString("to", ""))) {
                    connected.complete(null);
                }
                if (("channel:" + channel).equals(r.getString("s", ""))
                        && "pusher:subscription_succeeded".equals(r.getString("event", ""))) {
                    subscribed.complete(null);
                }
            }
        } catch (IOException | RuntimeException e) {
            subscribed.completeExceptionally(e);
        }
    }

    @Override
    public String transport() {
        return "ws";
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
