package io.pusherj.conformance;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.Channel;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.ChannelAuthorizer;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EncryptedChannel;
import io.pusherj.api.EventNames;
import io.pusherj.api.Member;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.PrivateChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.AuthSignatures;
import io.pusherj.server.PusherTestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs a script's client part with pusherj, in this JVM, and records what pusherj reports to its user in
 * the records pusher-js's driver ({@code driver/pusher-js-driver.mjs}) writes, field for field.
 */
final class PusherjDriver implements ClientDriver {
    private static final Duration ACTION_WAIT = Duration.ofSeconds(30);

    private final Script script;
    private final PusherTestServer server;
    /** pusherJsReconnectTiming(): pusher-js's exact reconnect timing instead of pusherj's backoff. */
    private final boolean pusherJsTiming;

    private final Recorder recorder = new Recorder();
    private Pusher pusher;
    private Thread actor;

    PusherjDriver(Script script, PusherTestServer server, boolean pusherJsTiming) {
        this.script = script;
        this.server = server;
        this.pusherJsTiming = pusherJsTiming;
    }

    @Override
    public String name() {
        return "pusherj";
    }

    @Override
    public void start() {
        pusher = Pusher.create(server.appKey(), options());
        pusher.connection()
                .onStateChange(c -> record(
                        "connection",
                        "state",
                        r -> r.add("from", c.previous().wireName())
                                .add("to", c.current().wireName())));
        pusher.connection()
                .onConnectingIn(d -> record(
                        "connection", "connecting_in", r -> r.add("seconds", Math.round(d.toMillis() / 1000.0))));
        pusher.connection().onError(this::error);
        pusher.bindGlobal(e -> {
            if (e.eventName().equals("conformance:end")) {
                recorder.end();
            } else {
                record(
                        "connection",
                        "global",
                        r -> r.add("event", e.eventName()).add("data", e.json()));
            }
        });
        pusher.user().onSignin(id -> record("user", "signed_in", r -> r.add("id", id)));
        pusher.user()
                .bindGlobal(e -> record(
                        "user", "event", r -> r.add("event", e.eventName()).add("data", e.json())));
        for (String name : List.of("online", "offline")) {
            pusher.user()
                    .bindWatchlist(
                            name,
                            e -> record(
                                    "watchlist",
                                    "event",
                                    r -> r.add("event", name).add("data", e.json())));
        }
        actor = new Thread(this::act, "conformance-pusherj-actions");
        actor.setDaemon(true);
        actor.start();
    }

    private PusherOptions options() {
        JsonObject o = script.options();
        PusherOptions.Builder b = server.clientOptions().autoConnect(false).enabledTransports("ws");
        if (pusherJsTiming) {
            b.pusherJsReconnectTiming();
        }
        if (o.containsKey("activityTimeout")) {
            b.activityTimeout(Duration.ofMillis(o.getInt("activityTimeout")));
        }
        if (o.containsKey("pongTimeout")) {
            b.pongTimeout(Duration.ofMillis(o.getInt("pongTimeout")));
        }
        if (o.containsKey("unavailableTimeout")) {
            b.unavailableTimeout(Duration.ofMillis(o.getInt("unavailableTimeout")));
        }
        if (o.getBoolean("auth", false)) {
            b.authEndpoint(server.authEndpoint().toString());
            params(o, "authParams").forEach((k, v) -> b.authParam(k, ((JsonString) v).getString()));
        }
        if (o.getBoolean("userAuth", false)) {
            var users =
                    AuthOptions.forUsers().endpoint(server.userAuthEndpoint().toString());
            params(o, "userParams").forEach((k, v) -> users.param(k, ((JsonString) v).getString()));
            b.userAuthentication(users.build());
        }
        if (o.containsKey("customAuth")) {
            b.channelAuthorization(AuthOptions.forChannels()
                    .customHandler(customHandler(o.getString("customAuth")))
                    .build());
        }
        return b.build();
    }

    private static JsonObject params(JsonObject options, String name) {
        return options.containsKey(name) ? options.getJsonObject(name) : JsonValue.EMPTY_JSON_OBJECT;
    }

    /**
     * The custom handlers scripts use: {@code null} answers null (a refusal nobody reported), {@code
     * slow-sign} signs like an app server after 300 ms, blocking its thread as a natural Java handler
     * calling its backend does (pusher-js's driver waits on a timer instead).
     */
    private ChannelAuthorizer customHandler(String kind) {
        return switch (kind) {
            case "null" -> (socketId, channel) -> CompletableFuture.completedFuture(null);
            case "slow-sign" ->
                (socketId, channel) -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return CompletableFuture.completedFuture(ChannelAuthorization.of(
                            AuthSignatures.channel(server.appKey(), server.appSecret(), socketId, channel)));
                };
            default -> throw new IllegalArgumentException("unknown customAuth " + kind);
        };
    }

    private void act() {
        try {
            for (JsonValue v : script.actions()) {
                JsonObject action = v.asJsonObject();
                if (action.containsKey("when")
                        && !recorder.awaitMatch(action.get("when"), action.getInt("nth", 1), ACTION_WAIT)) {
                    if (!recorder.hasEnded()) {
                        recorder.fail("never saw " + action.get("when") + " for action " + action);
                    }
                    return;
                }
                perform(action);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            recorder.fail("action failed: " + e);
        }
    }

    private void perform(JsonObject action) {
        switch (action.getString("do")) {
            case "connect" -> pusher.connect();
            case "disconnect" -> pusher.disconnect();
            case "subscribe" -> subscribe(action);
            case "unsubscribe" -> pusher.unsubscribe(action.getString("channel"));
            case "signin" -> pusher.signin();
            case "trigger" ->
                ((PrivateChannel) pusher.channel(action.getString("channel")).orElseThrow())
                        .trigger(action.getString("event"), action.get("data"));
            case "throwOnState" ->
                pusher.connection()
                        .onState(
                                ConnectionState.valueOf(
                                        action.getString("state").toUpperCase(Locale.ROOT)),
                                c -> {
                                    throw sneaky(new IOException("thrown by a state listener"));
                                });
            // pusher-js's driver calls disconnect() here: close() is what a Java application calls.
            case "closeFromListener" ->
                pusher.channel(action.getString("channel"))
                        .orElseThrow()
                        .bind(action.getString("event"), e -> pusher.close());
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
    }

    /** Throws a checked exception undeclared, as Kotlin code and {@code @SneakyThrows} methods do. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private void subscribe(JsonObject action) {
        String name = action.getString("channel");
        String stream = "channel:" + name;
        Consumer<Channel> setup = ch -> {
            ch.bindGlobal(e ->
                    record(stream, "event", r -> r.add("event", e.eventName()).add("data", dataOf(ch, e))));
            if (action.containsKey("bind")) {
                for (JsonString event : action.getJsonArray("bind").getValuesAs(JsonString.class)) {
                    ch.bind(
                            event.getString(),
                            e -> record(
                                    stream,
                                    "metadata",
                                    r -> r.add("event", event.getString())
                                            .add(
                                                    "user_id",
                                                    e.userId()
                                                            .<JsonValue>map(JsonValues.JSON::createValue)
                                                            .orElse(JsonValue.NULL))));
                }
            }
            if (ch instanceof EncryptedChannel encrypted) {
                encrypted.onDecryptionFailure(f -> record(stream, "decryption_failure", r -> {}));
            }
        };
        if (name.startsWith("presence-")) {
            pusher.subscribePresence(name, setup::accept);
        } else if (name.startsWith("private-encrypted-")) {
            pusher.subscribeEncrypted(name, setup::accept);
        } else if (name.startsWith("private-")) {
            pusher.subscribePrivate(name, setup::accept);
        } else {
            pusher.subscribe(name, setup);
        }
    }

    /** The event's data as a user sees it; for presence's subscription_succeeded, the members (pusher-js's Members). */
    private static JsonValue dataOf(Channel channel, PusherEvent e) {
        if (channel instanceof PresenceChannel presence && e.eventName().equals(EventNames.SUBSCRIPTION_SUCCEEDED)) {
            var all = JsonValues.JSON.createObjectBuilder();
            for (Member m : presence.members().all()) {
                all.add(m.id(), m.info());
            }
            return JsonValues.JSON
                    .createObjectBuilder()
                    .add("count", presence.members().count())
                    .add(
                            "me",
                            presence.members()
                                    .me()
                                    .<JsonValue>map(m -> JsonValues.JSON.createValue(m.id()))
                                    .orElse(JsonValue.NULL))
                    .add("members", all)
                    .build();
        }
        return e.json();
    }

    private void error(ConnectionError e) {
        record(
                "connection",
                "error",
                r -> r.add("type", e.type().pusherJsName())
                        .add(
                                "code",
                                e.code().isPresent()
                                        ? JsonValues.JSON.createValue(e.code().getAsInt())
                                        : JsonValue.NULL));
    }

    /** Records one report of stream {@code stream} and kind {@code kind}, with the fields {@code fields} adds. */
    private void record(String stream, String kind, Consumer<JsonObjectBuilder> fields) {
        JsonObjectBuilder b =
                JsonValues.JSON.createObjectBuilder().add("s", stream).add("t", kind);
        fields.accept(b);
        recorder.add(b.build());
    }

    @Override
    public void awaitStarted(Duration timeout) throws InterruptedException {
        recorder.awaitStarted(timeout, name());
    }

    @Override
    public void stop() {
        recorder.end();
    }

    @Override
    public List<JsonObject> awaitEnd(Duration timeout) throws InterruptedException {
        return recorder.awaitEnd(timeout, name());
    }

    @Override
    public void close() {
        if (actor != null) {
            actor.interrupt();
        }
        if (pusher != null) {
            pusher.close();
        }
    }
}
