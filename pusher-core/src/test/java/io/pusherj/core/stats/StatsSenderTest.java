package io.pusherj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.TimelineEntry;
import io.pusherj.api.spi.StatsTransport;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.testkit.VirtualScheduler;
import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The stats sender's bookkeeping on virtual time, with a transport whose answers the test gives. */
class StatsSenderTest {
    final VirtualScheduler time = new VirtualScheduler();
    final Timeline timeline = new Timeline();
    final List<URI> requests = new ArrayList<>();
    final List<CompletableFuture<String>> answers = new ArrayList<>();
    final StatsSender sender = new StatsSender(
            timeline,
            new StatsTransport() {
                @Override
                public CompletionStage<String> get(URI uri) {
                    requests.add(uri);
                    CompletableFuture<String> answer = new CompletableFuture<>();
                    answers.add(answer);
                    return answer;
                }

                @Override
                public void close() {}
            },
            new ClientLoop(time, time),
            "stats.example",
            new StatsIdentity(7, "key", "java-pusherj", "0", "mt1", List.of("ws"), Map.of()));

    void record(String state) {
        timeline.record(
                time.nowMillis(),
                TimelineEntry.Level.INFO,
                Json.createObjectBuilder().add("state", state).build());
    }

    static String bundle(URI uri) {
        for (String field : uri.getRawQuery().split("&")) {
            if (field.startsWith("bundle=")) {
                String base64 = field.substring("bundle=".length()).replace("%3D", "=");
                return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no bundle in " + uri);
    }

    @Test
    void aSendDueWhileTheLastWaitsForItsAnswerGoesAfterItWithTheNextBundle() {
        record("connecting");
        sender.send(false);
        record("connected");
        sender.send(false); // the first is not answered yet
        assertEquals(1, requests.size(), "one send at a time");

        answers.get(0).complete("");
        time.runUntilIdle();

        assertEquals(2, requests.size(), "the send that came due goes once the first is answered");
        assertEquals(
                List.of("1", "2"),
                requests.stream().map(StatsSenderTest::bundle).toList());
    }

    @Test
    void aFailedSendKeepsTheBundleNumberAndStillLetsTheDueSendGo() {
        record("connecting");
        sender.send(false);
        record("connected");
        sender.send(false);

        answers.get(0).completeExceptionally(new RuntimeException("stats host down"));
        time.runUntilIdle();

        assertEquals(
                List.of("1", "1"),
                requests.stream().map(StatsSenderTest::bundle).toList());
    }

    @Test
    void aTransportThatThrowsDoesNotStopLaterSends() {
        StatsSender throwing = new StatsSender(
                timeline,
                new StatsTransport() {
                    @Override
                    public CompletionStage<String> get(URI uri) {
                        requests.add(uri);
                        throw new IllegalStateException("no HTTP client");
                    }

                    @Override
                    public void close() {}
                },
                new ClientLoop(time, time),
                "stats.example",
                new StatsIdentity(7, "key", "java-pusherj", "0", "mt1", List.of("ws"), Map.of()));
        record("connecting");
        throwing.send(false);
        record("connected");
        throwing.send(false);

        assertEquals(2, requests.size(), "the second send went although the first threw");
    }

    @Test
    void nothingIsSentAfterClose() {
        record("connecting");
        sender.send(false);
        record("connected");
        sender.send(false);
        sender.close();

        answers.get(0).complete("");
        time.runUntilIdle();

        assertEquals(1, requests.size());
    }
}
