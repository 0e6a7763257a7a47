package io.pusherj.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Publishes events through Pusher's HTTP API ({@code POST /apps/{id}/events}) with REST authentication,
 * to any Pusher-compatible server: the {@link PusherTestServer}, soketi, Reverb or Pusher itself.
 * Used by tests and by the CLI's {@code trigger} command.
 */
public final class RestClient {
    private final URI base;
    private final String appId;
    private final String key;
    private final String secret;
    /** One JDK client for all: each one keeps a selector thread until it is garbage collected. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Creates a client.
     *
     * @param base {@code http(s)://host:port} of the server's HTTP API
     * @param appId the app id
     * @param key the app key
     * @param secret the app secret
     */
    public RestClient(URI base, String appId, String key, String secret) {
        this.base = Objects.requireNonNull(base, "base");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.key = Objects.requireNonNull(key, "key");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /**
     * A client for a running {@link PusherTestServer}.
     *
     * @param server the server
     * @return the client
     */
    public static RestClient forServer(PusherTestServer server) {
        return new RestClient(server.httpUri(), server.appId(), server.appKey(), server.appSecret());
    }

    /** The result of a request: HTTP status and body. */
    public record Result(int status, String body) {
        /** {@return whether the status is 2xx} */
        public boolean isSuccess() {
            return status / 100 == 2;
        }
    }

    /**
     * Triggers {@code event} on {@code channels} with {@code data} (sent as a string, as Pusher expects).
     *
     * @param channels the channel names
     * @param event the event name
     * @param data the event data
     * @return the HTTP status and body
     * @throws UncheckedIOException if the server cannot be reached
     */
    public Result trigger(List<String> channels, String event, String data) {
        var json = ServerFrames.JSON.createObjectBuilder().add("name", event).add("data", data);
        var arr = ServerFrames.JSON.createArrayBuilder();
        channels.forEach(arr::add);
        String body = json.add("channels", arr).build().toString();
        String path = "/apps/" + appId + "/events";
        String query = RestAuth.signedQuery("POST", path, key, secret, body, System.currentTimeMillis() / 1000);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + "?" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while triggering", e);
        }
    }

    /**
     * Triggers {@code event} on one channel.
     *
     * @param channel the channel name
     * @param event the event name
     * @param data the event data
     * @return the HTTP status and body
     */
    public Result trigger(String channel, String event, String data) {
        return trigger(List.of(channel), event, data);
    }
}
