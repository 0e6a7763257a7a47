package io.pusherj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Pusher;
import io.pusherj.server.AuthFault;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.RestClient;
import io.pusherj.testkit.ConnectProxy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's contracts: JSON lines of {@code listen}, exit codes, {@code trigger} signing. */
class CliTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    PusherTestServer server;
    ExecutorService background = Executors.newSingleThreadExecutor();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = PusherTestServer.start();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        server.close();
    }

    int run(String... args) {
        return new CommandLine(new Main())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    static List<JsonObject> jsonLines(String text) {
        return text.lines()
                .filter(l -> !l.isBlank())
                .map(l -> Json.createReader(new StringReader(l)).readObject())
                .toList();
    }

    @Test
    void listenPrintsStatesSubscriptionEventsAndDisconnectsCleanly() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> run(
                        "listen",
                        "--key",
                        server.appKey(),
                        "--ws-host",
                        server.host(),
                        "--ws-port",
                        Integer.toString(server.port()),
                        "--force-tls",
                        "false",
                        "--channel",
                        "news",
                        "--channel",
                        "cache-prices",
                        "--seconds",
                        "3"),
                background);
        server.awaitSubscriberCount("news", 1, WAIT);
        RestClient.forServer(server).trigger("news", "story", "{\"id\":17}");
        server.publish("news", "text", "not json");

        assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), err.toString());
        List<JsonObject> lines = jsonLines(out.toString());
        String socketId = server.connections().get(0).socketId();
        assertEquals(
                Json.createObjectBuilder()
                        .add("type", "state")
                        .add("previous", "initialized")
                        .add("current", "connecting")
                        .build(),
                lines.get(0));
        assertEquals(
                Json.createObjectBuilder()
                        .add("type", "state")
                        .add("previous", "connecting")
                        .add("current", "connected")
                        .add("socket_id", socketId)
                        .build(),
                lines.get(1));
        assertEquals(
                Json.createObjectBuilder()
                        .add("type", "transport")
                        .add("name", "ws")
                        .build(),
                lines.get(2));
        assertTrue(lines.contains(Json.createObjectBuilder()
                .add("type", "subscribed")
                .add("channel", "news")
                .build()));
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "event")
                        .add("channel", "cache-prices")
                        .add("event", "pusher:cache_miss")
                        .addNull("data")
                        .build()),
                lines.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "event")
                        .add("channel", "news")
                        .add("event", "story")
                        .add("data", Json.createObjectBuilder().add("id", 17))
                        .build()),
                lines.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "event")
                        .add("channel", "news")
                        .add("event", "text")
                        .add("data", "not json")
                        .build()),
                lines.toString());
        assertEquals(
                Json.createObjectBuilder()
                        .add("type", "state")
                        .add("previous", "connected")
                        .add("current", "disconnected")
                        .build(),
                lines.get(lines.size() - 1));
    }

    @Test
    void listenSendsStatsWhenEnabled() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> run(
                        "listen",
                        "--key",
                        server.appKey(),
                        "--ws-host",
                        server.host(),
                        "--ws-port",
                        Integer.toString(server.port()),
                        "--force-tls",
                        "false",
                        "--channel",
                        "news",
                        "--enable-stats",
                        "--stats-host",
                        server.statsHost(),
                        "--seconds",
                        "2"),
                background);
        var stats = server.awaitStatsRequests(1, WAIT).get(0);
        assertEquals(server.appKey(), stats.fields().get("key"));
        assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), err.toString());
    }

    @Test
    void listenReportsErrorsAndConnectingIn() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> run(
                        "listen",
                        "--key",
                        server.appKey(),
                        "--ws-host",
                        server.host(),
                        "--ws-port",
                        Integer.toString(server.port()),
                        "--force-tls",
                        "false",
                        "--channel",
                        "news",
                        "--seconds",
                        "3"),
                background);
        server.awaitSubscriberCount("news", 1, WAIT);
        server.connections().get(0).close(4100, "over capacity");
        assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), err.toString());
        List<JsonObject> lines = jsonLines(out.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "error")
                        .add("code", 4100)
                        .add("message", "over capacity")
                        .add("error_type", "PusherError")
                        .build()),
                lines.toString());
        assertTrue(lines.contains(Json.createObjectBuilder()
                .add("type", "connecting_in")
                .add("seconds", 1)
                .build()));
    }

    /**
     * How long the listener with auth runs: long enough for bob to join and leave on a loaded machine (at 6 s,
     * about one run in twenty stopped before the listener heard bob leave).
     */
    static final long LISTEN_SECONDS = 12;

    @Test
    void listenWithAuthPrintsMembersJoinsLeavesAndSubscriptionErrorsAndSendsClientEvents() throws Exception {
        server.faults().authFault("private-denied", AuthFault.status(403, "{\"error\":\"no\"}"));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> run(
                        "listen",
                        "--key",
                        server.appKey(),
                        "--ws-host",
                        server.host(),
                        "--ws-port",
                        Integer.toString(server.port()),
                        "--force-tls",
                        "false",
                        "--auth-endpoint",
                        server.authEndpoint().toString(),
                        "--auth-param",
                        "user_id=cli",
                        "--channel",
                        "presence-room",
                        "--channel",
                        "private-denied",
                        "--trigger",
                        "presence-room:client-hi:{\"a\":1}",
                        "--seconds",
                        Long.toString(LISTEN_SECONDS)),
                background);
        server.awaitSubscriberCount("presence-room", 1, WAIT);
        Pusher bob = Pusher.create(
                server.appKey(),
                server.clientOptions()
                        .authEndpoint(server.authEndpoint().toString())
                        .authParam("user_id", "bob")
                        .build());
        try {
            bob.subscribePresence("presence-room");
            server.awaitSubscriberCount("presence-room", 2, WAIT);
            bob.unsubscribe("presence-room");
            server.awaitSubscriberCount("presence-room", 1, WAIT);
        } finally {
            bob.close();
        }
        assertEquals(0, exit.get(LISTEN_SECONDS + WAIT.toSeconds(), TimeUnit.SECONDS), err.toString());
        List<JsonObject> lines = jsonLines(out.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "members")
                        .add("channel", "presence-room")
                        .add("count", 1)
                        .add("me", "cli")
                        .build()),
                lines.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "member_added")
                        .add("channel", "presence-room")
                        .add("user_id", "bob")
                        .add("user_info", Json.createObjectBuilder().add("name", "bob"))
                        .build()),
                lines.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "member_removed")
                        .add("channel", "presence-room")
                        .add("user_id", "bob")
                        .add("user_info", Json.createObjectBuilder().add("name", "bob"))
                        .build()),
                lines.toString());
        JsonObject denied = lines.stream()
                .filter(l -> l.getString("type").equals("subscription_error"))
                .findFirst()
                .orElseThrow();
        assertEquals("private-denied", denied.getString("channel"));
        assertEquals(403, denied.getInt("status"));
        assertTrue(denied.getString("error").contains("HTTP 403"), denied.toString());
        assertTrue(
                server.connections()
                        .get(0)
                        .receivedFrames()
                        .contains("{\"event\":\"client-hi\",\"data\":{\"a\":1},\"channel\":\"presence-room\"}"),
                server.connections().get(0).receivedFrames().toString());
    }

    @Test
    void listenSignsInAndPrintsUserEventsDecryptedEventsAndDecryptionFailures() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> run(
                        "listen",
                        "--key",
                        server.appKey(),
                        "--ws-host",
                        server.host(),
                        "--ws-port",
                        Integer.toString(server.port()),
                        "--force-tls",
                        "false",
                        "--auth-endpoint",
                        server.authEndpoint().toString(),
                        "--user-auth-endpoint",
                        server.userAuthEndpoint().toString(),
                        "--auth-param",
                        "user_id=cli",
                        "--signin",
                        "--channel",
                        "private-encrypted-vault",
                        "--seconds",
                        "3"),
                background);
        server.awaitSubscriberCount("#server-to-user-cli", 1, WAIT);
        server.awaitSubscriberCount("private-encrypted-vault", 1, WAIT);
        server.sendToUser("cli", "note", "{\"n\":1}");
        server.publish("private-encrypted-vault", "secret", "{\"message\":\"hello\"}");
        server.connections()
                .get(0)
                .sendRaw("{\"event\":\"secret\",\"channel\":\"private-encrypted-vault\",\"data\":\"x\"}");
        assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), err.toString());
        List<JsonObject> lines = jsonLines(out.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "signin")
                        .add("user_id", "cli")
                        .build()),
                lines.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "event")
                        .add("channel", "#server-to-user-cli")
                        .add("event", "note")
                        .add("data", Json.createObjectBuilder().add("n", 1))
                        .build()),
                lines.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "event")
                        .add("channel", "private-encrypted-vault")
                        .add("event", "secret")
                        .add("data", Json.createObjectBuilder().add("message", "hello"))
                        .build()),
                lines.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "decryption_failure")
                        .add("channel", "private-encrypted-vault")
                        .add("event", "secret")
                        .build()),
                lines.toString());
    }

    @Test
    void caCertTrustsASelfSignedServerAndNothingElseIsNeeded() throws Exception {
        try (PusherTestServer tls = PusherTestServer.builder().tls(true).start()) {
            Path pem = Files.createTempFile("pusherj-cli-ca", ".pem");
            try {
                Files.writeString(pem, tls.tlsCertificatePem());
                CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                        () -> run(
                                "listen",
                                "--key",
                                tls.appKey(),
                                "--ws-host",
                                tls.host(),
                                "--wss-port",
                                Integer.toString(tls.tlsPort()),
                                "--force-tls",
                                "true",
                                "--ca-cert",
                                pem.toString(),
                                "--channel",
                                "news",
                                "--seconds",
                                "2"),
                        background);
                assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), err.toString());
                List<JsonObject> lines = jsonLines(out.toString());
                assertTrue(
                        lines.contains(Json.createObjectBuilder()
                                .add("type", "subscribed")
                                .add("channel", "news")
                                .build()),
                        lines.toString());
                assertTrue(tls.connections().get(0).isSecure());
            } finally {
                Files.delete(pem);
            }
        }
    }

    @Test
    void aCaCertFileThatIsNotOneIsABadArgument() throws Exception {
        Path notPem = Files.createTempFile("pusherj-cli-ca", ".pem");
        try {
            Files.writeString(notPem, "hello");
            assertEquals(2, run("listen", "--key", "k", "--ca-cert", notPem.toString(), "--channel", "news"));
            assertTrue(err.toString().contains("is not a PEM certificate file"), err.toString());
        } finally {
            Files.delete(notPem);
        }
    }

    @Test
    void proxyTunnelsTheConnectionThroughAnHttpProxy() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> run(
                            "listen",
                            "--key",
                            server.appKey(),
                            "--ws-host",
                            server.host(),
                            "--ws-port",
                            Integer.toString(server.port()),
                            "--force-tls",
                            "false",
                            "--proxy",
                            proxy.host() + ":" + proxy.port(),
                            "--channel",
                            "news",
                            "--seconds",
                            "2"),
                    background);
            assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), err.toString());
            assertTrue(
                    jsonLines(out.toString())
                            .contains(Json.createObjectBuilder()
                                    .add("type", "subscribed")
                                    .add("channel", "news")
                                    .build()),
                    out.toString());
            assertEquals(List.of(server.host() + ":" + server.port()), proxy.targets());
        }
        assertEquals(2, run("listen", "--key", "k", "--proxy", "no-port", "--channel", "news"));
        assertTrue(err.toString().contains("--proxy must be HOST:PORT"), err.toString());
    }

    @Test
    void theCliShipsEveryTransportIncludingSockJs() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> run(
                        "listen",
                        "--key",
                        server.appKey(),
                        "--ws-host",
                        server.host(),
                        "--http-port",
                        Integer.toString(server.port()),
                        "--force-tls",
                        "false",
                        "--enabled-transports",
                        "sockjs",
                        "--channel",
                        "news",
                        "--seconds",
                        "2"),
                background);
        assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), err.toString());
        List<JsonObject> lines = jsonLines(out.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "transport")
                        .add("name", "sockjs")
                        .build()),
                lines.toString());
        assertTrue(
                lines.contains(Json.createObjectBuilder()
                        .add("type", "subscribed")
                        .add("channel", "news")
                        .build()),
                lines.toString());
    }

    @Test
    void everySubCommandHasHelp() {
        for (String command : List.of("listen", "serve", "trigger", "demo")) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(command, "--help"), command);
            assertTrue(out.toString().startsWith("Usage: pusherj " + command), out.toString());
        }
        out.getBuffer().setLength(0);
        run("listen", "--help");
        assertTrue(
                out.toString().contains("--enable-stats") && out.toString().contains("--stats-host"), out.toString());
    }

    @Test
    void theTopLevelHelpListsEverySubCommandAndAnUnknownOneIsAUsageError() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        int listen = help.indexOf("\n  listen");
        int serve = help.indexOf("\n  serve");
        int trigger = help.indexOf("\n  trigger");
        int demo = help.indexOf("\n  demo");
        assertTrue(listen > 0 && listen < serve && serve < trigger && trigger < demo, help);

        assertEquals(2, run("lisen", "--key", "k"));
        assertTrue(err.toString().contains("lisen"), err.toString());
    }

    @Test
    void badArgumentsPrintUsageOnStderrAndExitTwo() {
        assertEquals(2, run("listen", "--channel", "x"));
        assertTrue(err.toString().contains("--key"), err.toString());
        assertTrue(out.toString().isEmpty());
        assertEquals(2, run("listen", "--key", "k", "--channel", "x", "--ws-port", "70000"));
        assertTrue(err.toString().contains("wsPort must be between 1 and 65535"), err.toString());
        assertEquals(2, run("listen", "--key", "k", "--channel", "x", "--force-tls", "maybe"));
        assertEquals(2, run("listen", "--key", "k", "--channel", "has space"));
        assertEquals(2, run("listen", "--key", "k", "--channel", "x", "--trigger", "nonsense"));
        assertEquals(2, run("listen", "--key", "k", "--channel", "x", "--auth-endpoint", "/pusher/auth"));
        assertTrue(err.toString().contains("absolute"), err.toString());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run());
    }

    @Test
    void triggerSignsLikePusherAndReportsTheStatus() {
        assertEquals(
                0,
                run(
                        "trigger",
                        "--app-id",
                        server.appId(),
                        "--key",
                        server.appKey(),
                        "--secret",
                        server.appSecret(),
                        "--host",
                        server.host(),
                        "--port",
                        Integer.toString(server.port()),
                        "--channel",
                        "news",
                        "--event",
                        "story",
                        "--data",
                        "{\"id\":1}"));
        assertEquals("200 {}", out.toString().trim());
        assertEquals(1, server.awaitHttpPublishes(1, WAIT).size());

        assertEquals(
                1,
                run(
                        "trigger",
                        "--app-id",
                        server.appId(),
                        "--key",
                        server.appKey(),
                        "--secret",
                        "wrong",
                        "--host",
                        server.host(),
                        "--port",
                        Integer.toString(server.port()),
                        "--channel",
                        "news",
                        "--event",
                        "story",
                        "--data",
                        "{}"));
        assertTrue(out.toString().contains("401"), out.toString());
    }

    @Test
    void demoRunsAgainstTheEmbeddedServer() {
        assertEquals(0, run("demo"), err.toString());
        assertTrue(out.toString().contains("done: 4 events received, one reconnect, clean disconnect"), out.toString());
    }
}
