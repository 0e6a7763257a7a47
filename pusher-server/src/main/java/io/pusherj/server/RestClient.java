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
 * Publishes events through Pusher's HTTP API ({@code POST /apps/{id}/events} and {@code /batch_events}) with
 * REST authentication, to any Pusher-compatible server: the {@link PusherTestServer}, soketi, Reverb or Pusher
 * itself. Used by tests and by the CLI's {@code trigger} and {@code bench} commands.
 */
public final class RestClient {
    /** The most events one {@code batch_events} request may carry (Pusher's limit). */
    public static final int MAX_BATCH = 10;

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
        return post(
                "/apps/" + appId + "/events", json.add("channels", arr).build().toString());
    }

    /** One event of a {@link #triggerBatch batch}: its channel, name and data. */
    public record BatchEvent(String channel, String name, String data) {
        /**
         * Checks that nothing is missing.
         *
         * @param channel the channel name
         * @param name the event name
         * @param data the event data (sent as a string)
         */
        public BatchEvent {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * Triggers several events in one request ({@code POST /apps/{id}/batch_events}), in the order given. Pusher
     * takes at most {@value #MAX_BATCH} events a request.
     *
     * @param events the events, 1 to {@value #MAX_BATCH}
     * @return the HTTP status and body
     * @throws UncheckedIOException if the server cannot be reached
     */
    public Result triggerBatch(List<BatchEvent> events) {
        if (events.isEmpty() || events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch has 1 to " + MAX_BATCH + " events, got " + events.size());
        }
        var batch = ServerFrames.JSON.createArrayBuilder();
        for (BatchEvent e : events) {
            batch.add(ServerFrames.JSON
                    .createObjectBuilder()
                    .add("channel", e.channel())
                    .add("name", e.name())
                    .add("data", e.data()));
        }
        return post(
                "/apps/" + appId + "/batch_events",
                ServerFrames.JSON
                        .createObjectBuilder()
                        .add("batch", batch)
                        .build()
                        .toString());
    }

    private Result post(String path, String body) {
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
