package io.pusherj.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP fallback endpoints of docs/protocol.md §11, checked with the JDK's HTTP client. */
class HttpFallbackEndpointsTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    PusherTestServer server;
    String base;

    @BeforeEach
    void start() {
        server = PusherTestServer.start();
        base = server.httpUri() + "/pusher/app/app-key/417/k3v0a9q2/";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static HttpRequest post(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String poll(LinkedBlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no line within " + WAIT);
        }
        return line;
    }

    int send(String json) throws Exception {
        return HTTP.send(post(base + "xhr_send?t=1&n=2", json), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void streamingSessionFramesPreludeOpenMessagesAndClose() throws Exception {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(
                post(base + "xhr_streaming?protocol=7&client=test&version=1&t=1&n=1", ""),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();

        assertEquals("h".repeat(2048), poll(lines));
        assertEquals("o", poll(lines));
        String established = poll(lines);
        assertTrue(established.startsWith("a[\"{\\\"event\\\":\\\"pusher:connection_established\\\""), established);
        ServerConnection conn = server.awaitConnection(1, WAIT);
        assertEquals("xhr_streaming", conn.transport());
        assertTrue(conn.requestUri().contains("protocol=7"));

        assertEquals(
                204,
                send(
                        "[\"{\\\"event\\\":\\\"pusher:subscribe\\\",\\\"data\\\":{\\\"auth\\\":\\\"\\\",\\\"channel\\\":\\\"news\\\"}}\"]"));
        assertTrue(poll(lines).contains("subscription_succeeded"));
        server.awaitSubscriberCount("news", 1, WAIT);
        server.publish("news", "story", "{\"id\":1}");
        String event = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        while (event != null && !event.contains("story")) {
            event = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        assertTrue(event != null && event.startsWith("a[") && event.contains("\\\"story\\\""), event);
        assertEquals(204, send("[]"), "a heartbeat");

        conn.close(4100, "over capacity");
        assertEquals("c[4100,\"over capacity\"]", poll(lines));
        assertEquals(4100, conn.awaitClosed(WAIT));
    }

    @Test
    void pollingSessionAnswersEachRequestWithWhatIsQueued() throws Exception {
        String first = HTTP.send(post(base + "xhr?protocol=7&t=1&n=1", ""), HttpResponse.BodyHandlers.ofString())
                .body();
        assertEquals("o\n", first);
        String second = HTTP.send(post(base + "xhr?protocol=7&t=2&n=2", ""), HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(second.startsWith("a[") && second.contains("connection_established"), second);
        assertEquals("xhr_polling", server.awaitConnection(1, WAIT).transport());
        assertEquals(204, send("[\"{\\\"event\\\":\\\"pusher:ping\\\",\\\"data\\\":{}}\"]"));
        String third = HTTP.send(post(base + "xhr?protocol=7&t=3&n=3", ""), HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(third.contains("pusher:pong"), third);
    }

    @Test
    void sockJsOverWebSocketStartsWithThePathMessage() throws Exception {
        String info = HTTP.send(
                        HttpRequest.newBuilder(URI.create(server.httpUri() + "/pusher/info"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(info.startsWith("{\"websocket\":true"), info);
        PusherTestServerTest.RawClient c = PusherTestServerTest.RawClient.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/pusher/123/abcdefgh/websocket"));
        assertEquals("o", c.frames.await(f -> true, 1, WAIT, "open").get(0));
        c.send("[\"{\\\"path\\\":\\\"/app/app-key?protocol=7&client=test&version=1\\\"}\"]");
        String established = c.await("connection_established");
        assertTrue(established.startsWith("a[\"{\\\"event\\\":\\\"pusher:connection_established"), established);
        ServerConnection conn = server.awaitConnection(1, WAIT);
        assertEquals("sockjs", conn.transport());
        assertEquals("/app/app-key?protocol=7&client=test&version=1", conn.requestUri());
        conn.close(4100, "bye");
        assertEquals("c[4100,\"bye\"]", c.await("c[4100"));
    }

    @Test
    void sockJsOverXhrStreamingStartsWithThePathMessage() throws Exception {
        String sockjs = server.httpUri() + "/pusher/77/sessionx/";
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HTTP.sendAsync(
                        post(sockjs + "xhr_streaming", ""), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertEquals("h".repeat(2048), poll(lines));
        assertEquals("o", poll(lines));
        assertEquals(
                204,
                HTTP.send(
                                post(sockjs + "xhr_send", "[\"{\\\"path\\\":\\\"/app/app-key?protocol=7\\\"}\"]"),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
        assertTrue(poll(lines).contains("connection_established"));
        assertEquals("sockjs", server.awaitConnection(1, WAIT).transport());
    }

    @Test
    void blockedTransportsAndUnknownSessionsAreRefused() throws Exception {
        server.faults().blockTransport("xhr_streaming", true);
        assertEquals(
                503,
                HTTP.send(post(base + "xhr_streaming", ""), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
        assertEquals(404, send("[]"));
    }
}
