package io.pusherj.cli;

import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EncryptedChannel;
import io.pusherj.api.EventNames;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherException;
import io.pusherj.api.PusherOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code listen}: connects, subscribes and prints JSON lines until {@code --seconds} pass or Ctrl-C. */
@Command(
        name = "listen",
        mixinStandardHelpOptions = true,
        description = "Connect, subscribe and print one JSON object per line (states, events, errors).")
final class ListenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = "--channel",
            required = true,
            paramLabel = "NAME",
            description = "Channel to subscribe to (repeatable).")
    List<String> channels;

    @Option(
            names = "--seconds",
            paramLabel = "N",
            description = "Disconnect and exit after N seconds (default: until Ctrl-C).")
    Long seconds;

    @Option(names = "--signin", description = "Sign the user in through --user-auth-endpoint.")
    boolean signin;

    @Option(
            names = "--trigger",
            paramLabel = "CHANNEL:EVENT:JSON",
            description = "Send a client event once that channel is subscribed (repeatable).")
    List<String> triggers = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PusherOptions options;
        try {
            options = connection.toBuilder().autoConnect(false).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (seconds != null && seconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must not be negative");
        }
        StatusLine status = StatusLine.forTerminal(spec.commandLine().getErr());
        JsonLines out = new JsonLines(spec.commandLine().getOut(), status);
        Pusher pusher;
        try {
            pusher = Pusher.create(connection.key, options);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch disconnected = new CountDownLatch(1);
        pusher.connection().onStateChange(change -> {
            out.state(change, change.socketId());
            if (change.current() == ConnectionState.CONNECTED) {
                pusher.connection().transport().ifPresent(out::transport);
            }
            status.update(pusher.connection());
        });
        pusher.connection().onState(ConnectionState.DISCONNECTED, change -> disconnected.countDown());
        pusher.connection().onError(out::error);
        pusher.connection().onConnectingIn(out::connectingIn);
        try {
            List<ClientEventTrigger> parsedTriggers =
                    triggers.stream().map(ClientEventTrigger::parse).toList();
            for (String name : channels) {
                Channel channel = pusher.subscribe(name);
                channel.bindGlobal(e -> {
                    switch (e.eventName()) {
                        case EventNames.SUBSCRIPTION_SUCCEEDED -> {
                            out.subscribed(name);
                            if (channel instanceof PresenceChannel presence) {
                                out.members(name, presence.members());
                            }
                            parsedTriggers.stream()
                                    .filter(t -> t.channel().equals(name))
                                    .forEach(t -> t.send(channel, out));
                        }
                        case EventNames.SUBSCRIPTION_ERROR, EventNames.MEMBER_ADDED, EventNames.MEMBER_REMOVED -> {
                            // Printed in their own shapes below.
                        }
                        default -> {
                            out.event(e);
                            if (!e.eventName().startsWith("pusher:")) {
                                status.eventReceived(pusher.connection()); // events, not protocol messages
                            }
                        }
                    }
                });
                channel.onSubscriptionError(err -> out.subscriptionError(name, err));
                if (channel instanceof PresenceChannel presence) {
                    presence.onMemberAdded(m -> out.member("member_added", name, m));
                    presence.onMemberRemoved(m -> out.member("member_removed", name, m));
                }
                if (channel instanceof EncryptedChannel encrypted) {
                    encrypted.onDecryptionFailure(out::decryptionFailure);
                }
            }
        } catch (IllegalArgumentException | PusherException e) {
            pusher.close();
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }

        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Thread hook = new Thread(
                () -> {
                    if (!finished.get()) {
                        shutdown(pusher, disconnected, status, out);
                        // Ctrl-C after a clean disconnect is a normal end, as the contract says: exit 0.
                        Runtime.getRuntime().halt(0);
                    }
                },
                "pusherj-cli-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (signin) {
            pusher.user().onSignin(out::signin);
            pusher.user()
                    .onSigninError(e -> out.error(new ConnectionError(
                            ConnectionError.Type.PUSHER_ERROR,
                            OptionalInt.empty(),
                            "sign-in failed: " + e.message(),
                            Optional.empty(),
                            Optional.empty())));
            pusher.user().bindGlobal(e -> {
                out.event(e);
                status.eventReceived(pusher.connection());
            });
            pusher.signin();
        }
        pusher.connect();
        if (seconds != null) {
            stop.await(seconds, TimeUnit.SECONDS);
        } else {
            stop.await();
        }
        finished.set(true);
        Runtime.getRuntime().removeShutdownHook(hook);
        shutdown(pusher, disconnected, status, out);
        return 0;
    }

    private static void shutdown(Pusher pusher, CountDownLatch disconnected, StatusLine status, JsonLines out) {
        pusher.disconnect();
        try {
            disconnected.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pusher.close();
        out.finish();
        status.finish();
    }
}
