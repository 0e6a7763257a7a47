package io.pusherj.cli;

import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.RestClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code demo}: the README's "main job". Starts the embedded server, connects a client, subscribes,
 * publishes through the HTTP API, drops the connection to show the reconnect, and prints it all.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run a client against the embedded local server and show states and events.")
final class DemoCommand implements Callable<Integer> {
    private static final long WAIT_SECONDS = 15;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (PusherTestServer server = PusherTestServer.builder().port(0).start()) {
            say(out, "embedded Pusher-protocol server on " + server.webSocketUri() + " (app-key / app-secret)");
            Pusher pusher = Pusher.create(
                    server.appKey(), server.clientOptions().autoConnect(false).build());
            Semaphore subscribed = new Semaphore(0);
            Semaphore received = new Semaphore(0);
            CountDownLatch disconnected = new CountDownLatch(1);
            pusher.connection()
                    .onStateChange(c -> say(
                            out,
                            "state   " + c.previous().wireName() + " -> "
                                    + c.current().wireName()
                                    + pusher.connection()
                                            .socketId()
                                            .map(id -> " (socket id " + id + ")")
                                            .orElse("")));
            pusher.connection().onConnectingIn(d -> say(out, "retry   reconnecting in " + d.toSeconds() + " s"));
            pusher.connection()
                    .onError(e -> say(
                            out,
                            "error   " + e.type().pusherJsName()
                                    + e.code().stream()
                                            .mapToObj(c -> " " + c)
                                            .findFirst()
                                            .orElse("") + ": " + e.message()));
            pusher.connection().onState(ConnectionState.DISCONNECTED, c -> disconnected.countDown());
            Channel channel = pusher.subscribe("demo");
            channel.bind(EventNames.SUBSCRIPTION_SUCCEEDED, e -> {
                say(out, "channel subscribed to " + e.channelName().orElse("?"));
                subscribed.release();
            });
            channel.bind("greeting", e -> {
                say(out, "event   " + e.channelName().orElse("") + " / " + e.eventName() + " -> " + e.json());
                received.release();
            });

            pusher.connect();
            require(subscribed.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "no subscription");
            RestClient rest = RestClient.forServer(server);
            for (int i = 1; i <= 3; i++) {
                say(out, "publish greeting #" + i + " through the HTTP API");
                rest.trigger("demo", "greeting", "{\"n\":" + i + ",\"text\":\"hello from the HTTP API\"}");
            }
            require(received.tryAcquire(3, WAIT_SECONDS, TimeUnit.SECONDS), "events missing");

            say(out, "server  dropping the connection to show the reconnect");
            server.connections().forEach(c -> c.drop());
            require(subscribed.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "no resubscription");
            rest.trigger("demo", "greeting", "{\"n\":4,\"text\":\"after the reconnect\"}");
            require(received.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "event after reconnect missing");

            pusher.disconnect();
            require(disconnected.await(WAIT_SECONDS, TimeUnit.SECONDS), "no disconnect");
            pusher.close();
            say(out, "done: 4 events received, one reconnect, clean disconnect");
            return 0;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("demo failed: " + e.getMessage());
            return 1;
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " within " + WAIT_SECONDS + " s");
        }
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
