package io.pusherj.examples.chat;

import io.pusherj.api.EventNames;
import io.pusherj.api.Member;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import jakarta.json.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A presence chat on the testkit's local server, no account needed: ada and bob join
 * {@code presence-chat}, see each other arrive, and exchange client events. A plain Java app on the
 * pusherj BOM; run it from its test (examples/presence-chat/README.md).
 */
public final class PresenceChat {
    private PresenceChat() {}

    /** Runs the chat, printing what each user sees; returns once ada has read bob's answer (at most 10 s). */
    public static void run(PrintStream out) throws InterruptedException {
        try (PusherTestServer server = PusherTestServer.start();
                Pusher ada = user(server, "ada");
                Pusher bob = user(server, "bob")) {
            CountDownLatch done = new CountDownLatch(1);
            PresenceChannel adaRoom = ada.subscribePresence("presence-chat", room -> {
                room.onMemberAdded(m -> {
                    out.println("ada sees " + m.id() + " join");
                    room.trigger(
                            "client-message",
                            Json.createObjectBuilder()
                                    .add("text", "hello " + m.id())
                                    .build());
                });
                room.bind("client-message", e -> {
                    out.println("ada reads: " + e.json().asJsonObject().getString("text"));
                    done.countDown(); // bob answered
                });
            });
            ada.connect();
            server.awaitSubscriberCount("presence-chat", 1, Duration.ofSeconds(10));
            bob.subscribePresence("presence-chat", room -> {
                room.bind(
                        EventNames.SUBSCRIPTION_SUCCEEDED,
                        e -> out.println("bob joins; here: "
                                + room.members().all().stream()
                                        .map(Member::id)
                                        .sorted()
                                        .toList()));
                room.bind("client-message", e -> {
                    out.println("bob reads: " + e.json().asJsonObject().getString("text") + " (from "
                            + e.userId().orElse("?") + ")");
                    room.trigger(
                            "client-message",
                            Json.createObjectBuilder().add("text", "hi ada").build());
                });
            });
            bob.connect();
            if (!done.await(10, TimeUnit.SECONDS)) {
                out.println("the chat did not finish within 10 s");
            }
            out.println("ada's room has " + adaRoom.members().count() + " members; ada is "
                    + ada.connection().state().wireName());
        }
    }

    private static Pusher user(PusherTestServer server, String id) {
        return Pusher.create(
                server.appKey(),
                server.clientOptions()
                        .autoConnect(false)
                        .authEndpoint(server.authEndpoint().toString())
                        .authParam("user_id", id)
                        .build());
    }

    /** Runs the chat on stdout. */
    public static void main(String[] args) throws InterruptedException {
        run(System.out);
    }
}
