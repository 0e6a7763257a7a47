package io.pusherj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.server.AuthFault;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.RestClient;
import io.pusherj.server.ServerConnection;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code bench} against the project's own server: what it measures, and its flags' errors. */
class BenchCommandTest {
    PusherTestServer server;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = PusherTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int bench(String... extra) {
        return benchWithSecret(server.appSecret(), extra);
    }

    private int benchWithSecret(String secret, String... extra) {
        List<String> args = BenchArgs.against(server, secret, extra);
        return new CommandLine(new Main())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
    }

    private JsonObject result() {
        return Json.createReader(new StringReader(out.toString())).readObject();
    }

    @Test
    void aFanOutReachesEveryClientOnceInOrderAndTheResultHasEveryField() {
        assertEquals(
                0, bench("--clients", "20", "--rate", "20", "--duration", "1", "--json", "-"), () -> err.toString());
        JsonObject r = result();
        for (String field : List.of(
                "clients_connected",
                "published",
                "expected",
                "received",
                "reach",
                "duplicates",
                "out_of_order",
                "latency_ms",
                "connect_ms",
                "subscribe_ms",
                "api_ms",
                "errors",
                "reconnects",
                "bench_cpu_percent",
                "bench_cpu_us_per_event",
                "bench_saturated")) {
            assertTrue(r.containsKey(field), field + " in " + r);
        }
        assertEquals(20, r.getInt("clients_connected"));
        long published = r.getJsonNumber("published").longValue();
        assertTrue(published > 0, r.toString());
        assertEquals(published * 20, r.getJsonNumber("expected").longValue(), "every client on the one channel");
        assertEquals(
                r.getJsonNumber("expected").longValue(),
                r.getJsonNumber("received").longValue());
        assertEquals(1.0, r.getJsonNumber("reach").doubleValue());
        assertEquals(0, r.getInt("duplicates"));
        assertEquals(0, r.getInt("out_of_order"));
        assertEquals(
                r.getJsonNumber("received").longValue(),
                r.getJsonObject("latency_ms").getJsonNumber("count").longValue(),
                "one latency per event received");
        assertEquals(20, r.getJsonObject("connect_ms").getInt("count"));
        assertEquals(Json.createObjectBuilder().build(), r.getJsonObject("errors"));
        for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
            assertTrue(r.getJsonObject("latency_ms").containsKey(p), p);
        }
    }

    @Test
    void presenceChannelsSignedWithTheSecretSpreadTheClientsAndEachGetsItsChannelsEvents() {
        assertEquals(
                0,
                bench(
                        "--clients",
                        "12",
                        "--channels",
                        "3",
                        "--channel-kind",
                        "presence",
                        "--rate",
                        "30",
                        "--duration",
                        "1",
                        "--json",
                        "-"),
                () -> err.toString());
        JsonObject r = result();
        assertEquals(12, r.getInt("clients_subscribed"), r.toString());
        assertEquals(
                r.getJsonNumber("published").longValue() * 4,
                r.getJsonNumber("expected").longValue(),
                "each event reaches the 4 clients of its channel");
        assertEquals(1.0, r.getJsonNumber("reach").doubleValue(), r.toString());
    }

    @Test
    void theReportIsOnePageWithItsChartsInlineAndNothingFromTheNetwork() throws Exception {
        Path page = Files.createTempFile("pusherj-bench", ".html");
        try {
            assertEquals(
                    0,
                    bench(
                            "--clients",
                            "5",
                            "--rate",
                            "20",
                            "--duration",
                            "2",
                            "--json",
                            "-",
                            "--report",
                            page.toString()),
                    () -> err.toString());
            String html = Files.readString(page);
            assertTrue(html.startsWith("<!DOCTYPE html>"), html);
            assertEquals(4, html.split("<svg ", -1).length - 1, "latency, connections and events over time, histogram");
            assertTrue(html.contains("<th>reach</th><td>1.0</td>"), html);
            assertTrue(html.contains("ws://" + server.host() + ":" + server.port()), html);
            assertFalse(html.contains("<script"), "no script");
            assertFalse(html.contains("src="), "nothing loaded");
            assertFalse(html.contains("<link"), "no style sheet from elsewhere");
        } finally {
            Files.deleteIfExists(page);
        }
    }

    @Test
    void withoutJsonASummaryGoesToStandardOutput() {
        assertEquals(0, bench("--clients", "2", "--rate", "5", "--duration", "1"), () -> err.toString());
        assertTrue(out.toString().startsWith("clients 2 connected, 2 subscribed;"), out.toString());
    }

    @Test
    void whenEverySubscriptionIsRefusedTheRunSaysSoAtOnceAndExits1() {
        server.faults().authFault("private-bench-0", AuthFault.status(403, "{\"error\":\"no\"}"));
        long start = System.nanoTime();
        assertEquals(
                1,
                bench(
                        "--clients",
                        "3",
                        "--channel-kind",
                        "private",
                        "--auth-endpoint",
                        server.authEndpoint().toString(),
                        "--duration",
                        "1",
                        "--json",
                        "-"));
        assertTrue(
                System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20),
                "refused subscriptions end the wait, not its 30 s limit");
        JsonObject r = result();
        assertEquals(0, r.getInt("clients_subscribed"));
        assertEquals(0, r.getInt("publish_attempts"), "nobody to publish to");
        assertEquals(3, r.getJsonObject("errors").getInt("subscription:403"), r.toString());
        assertTrue(err.toString().contains("no client subscribed"), err.toString());
    }

    @Test
    void aRateOneRequestAtATimeCannotKeepGoesInBatchesInOrderWithNothingLost() {
        // 5,000 a second leaves 0.2 ms a request: more than a signed HTTP round trip takes, even on loopback.
        assertEquals(
                0, bench("--clients", "4", "--rate", "5000", "--duration", "1", "--json", "-"), () -> err.toString());
        JsonObject r = result();
        long attempts = r.getJsonNumber("publish_attempts").longValue();
        long requests = r.getJsonNumber("publish_requests").longValue();
        assertTrue(requests < attempts, "batched: " + requests + " requests for " + attempts + " events");
        assertTrue(attempts <= requests * RestClient.MAX_BATCH, r.toString());
        assertEquals(attempts, r.getJsonNumber("published").longValue(), r.toString());
        assertEquals(1.0, r.getJsonNumber("reach").doubleValue(), r.toString());
        assertEquals(0, r.getInt("out_of_order"), "a batch keeps its events' order");
        assertEquals(0, r.getInt("duplicates"));
    }

    @Test
    void ratesMayBeWrittenPerSecondAsTheFlagsAreDocumented() {
        assertEquals(0, bench("--clients", "2", "--ramp", "100/s", "--rate", "5/s", "--duration", "1", "--json", "-"));
        assertEquals(5, result().getInt("rate"));
        assertEquals(100, result().getInt("ramp"));
    }

    @Test
    void clientsTakeTheSourceAddressesInTurn() {
        assertEquals(
                0,
                bench(
                        "--clients",
                        "6",
                        "--source-addresses",
                        "127.0.0.1,127.0.0.2",
                        "--rate",
                        "10",
                        "--duration",
                        "1",
                        "--json",
                        "-"),
                () -> err.toString());
        JsonObject r = result();
        assertEquals(1.0, r.getJsonNumber("reach").doubleValue(), r.toString());
        assertEquals(
                Json.createArrayBuilder().add("127.0.0.1").add("127.0.0.2").build(),
                r.getJsonArray("source_addresses"));
        Map<String, Long> byAddress = server.connections().stream()
                .collect(Collectors.groupingBy(ServerConnection::remoteAddress, Collectors.counting()));
        assertEquals(Map.of("127.0.0.1", 3L, "127.0.0.2", 3L), byAddress, "what the server saw");
    }

    @Test
    void aSecretTheApiRefusesEndsTheRunBeforeAnyClientOpens() {
        int exit = benchWithSecret("not-the-secret", "--clients", "5", "--duration", "1", "--json", "-");
        assertEquals(1, exit);
        assertTrue(err.toString().contains("answered 401"), err.toString());
        assertTrue(err.toString().contains("check --app-id, --key and --secret"), err.toString());
        assertEquals(List.of(), server.connections(), "no client opened");
        assertEquals("", out.toString(), "no result");
    }

    @Test
    void fewerEventsThanChannelsIsWarnedOfBecauseReachThenCoversOnlySome() {
        assertEquals(0, bench("--clients", "6", "--channels", "6", "--rate", "2", "--duration", "1", "--json", "-"));
        assertTrue(err.toString().contains("publishes 2 events over 6 channels"), err.toString());
        assertEquals(2, result().getInt("published"), "the run does what it was asked, warned");
    }

    @Test
    void moreClientsThanTheProcessMayOpenSocketsForIsWarnedOfBeforeAnyOpens() {
        assertEquals(Optional.empty(), BenchCommand.fileDescriptorShortfall(1));
        // More than any Linux lets a process open (fs.nr_open tops out near 2^30).
        String warning = BenchCommand.fileDescriptorShortfall(Integer.MAX_VALUE).orElseThrow();
        assertTrue(
                warning.contains("of the " + Integer.MAX_VALUE + " clients can connect")
                        && warning.contains("ulimit -n"),
                warning);
    }

    static Stream<Arguments> badFlags() {
        return Stream.of(
                Arguments.of(List.of("--clients", "0"), "--clients must be between 1 and 1000000"),
                Arguments.of(List.of("--ramp", "0"), "--ramp must be at least 1"),
                Arguments.of(
                        List.of("--clients", "2", "--channels", "3"), "--channels must be between 1 and --clients (2)"),
                Arguments.of(List.of("--channel-kind", "secret"), "--channel-kind must be public, private or presence"),
                Arguments.of(List.of("--rate", "0"), "--rate must be at least 1"),
                Arguments.of(List.of("--payload", "44"), "--payload must be between 45 and 10240 bytes"),
                Arguments.of(List.of("--duration", "0"), "--duration must be between 1 and 86400 seconds"),
                Arguments.of(List.of("--clients", "many"), "Invalid value for option '--clients'"),
                Arguments.of(List.of("--rate", "5/min"), "'5/min' is not a count per second (N or N/s)"),
                Arguments.of(List.of("--clients", "100000", "--ramp", "1"), "--clients / --ramp must open them within"),
                Arguments.of(List.of("--api-port", "0"), "--api-port must be between 1 and 65535"),
                Arguments.of(
                        List.of("--json", "/nonexistent-dir/x.json"),
                        "--json /nonexistent-dir/x.json cannot be written"),
                Arguments.of(
                        List.of("--source-addresses", "localhost"),
                        "--source-addresses takes IP addresses, got 'localhost'"),
                Arguments.of(
                        List.of("--source-addresses", "999.1.1.1"),
                        "--source-addresses takes IP addresses, got '999.1.1.1'"),
                Arguments.of(
                        List.of("--source-addresses", "1.2.3.4.5"),
                        "--source-addresses takes IP addresses, got '1.2.3.4.5'"),
                Arguments.of(
                        List.of("--source-addresses", "192.0.2.1"),
                        "--source-addresses: 192.0.2.1 is not an address of this machine"),
                Arguments.of(
                        List.of("--source-addresses", "127.0.0.1,127.0.0.1"),
                        "--source-addresses lists an address twice"),
                Arguments.of(
                        List.of("--report", "/nonexistent-dir/x.html"),
                        "--report /nonexistent-dir/x.html cannot be written"));
    }

    @ParameterizedTest
    @MethodSource("badFlags")
    void aBadFlagIsAClearErrorWithExitCode2AndNothingRuns(List<String> flags, String message) {
        assertEquals(2, bench(flags.toArray(String[]::new)));
        assertTrue(err.toString().contains(message), err.toString());
        assertEquals("", out.toString(), "no result");
        assertEquals(List.of(), server.connections(), "no client opened");
    }
}
