package io.pusherj.bench.load;

import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A pusherj client, configured as a user pointing it at a self-hosted server would. */
final class PusherjClient implements BenchClient {
    private final Pusher pusher;

    PusherjClient(Target target, String transport) {
        this(target.key(), withTransport(options(target), transport));
    }

    /** Options pointing at {@code target}, as a user of a self-hosted server writes them. */
    static PusherOptions.Builder options(Target target) {
        return PusherOptions.builder()
                .wsHost(target.host())
                .wsPort(target.port())
                .httpHost(target.host())
                .httpPort(target.port())
                .forceTLS(false);
    }

    /** A client with exactly these options (connecting only when asked). */
    PusherjClient(String key, PusherOptions.Builder options) {
        pusher = Pusher.create(key, options.autoConnect(false).build());
    }

    /** The client itself, for what binds to it (metrics). */
    Pusher pusher() {
        return pusher;
    }

    /** Restricts {@code options} to one transport, unless it is {@code default} (the whole strategy). */
    static PusherOptions.Builder withTransport(PusherOptions.Builder options, String transport) {
        return "default".equals(transport) ? options : options.enabledTransports(transport);
    }

    @Override
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        pusher.connection().onState(ConnectionState.CONNECTED, change -> connected.complete(null));
        pusher.connect();
        return connected;
    }

    @Override
    public CompletableFuture<Void> subscribe(String channelName, Map<String, Consumer<String>> handlers) {
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        // Bound in the setup, before the subscription is sent: bound after subscribe() returns, the answer
        // can beat the binding once connected, and the run waited 30 s for it in vain.
        pusher.subscribe(channelName, channel -> {
            channel.bind(EventNames.SUBSCRIPTION_SUCCEEDED, e -> subscribed.complete(null));
            handlers.forEach((event, handler) -> channel.bind(event, e -> handler.accept(e.data())));
        });
        return subscribed;
    }

    @Override
    public String transport() {
        return pusher.connection().transport().orElse("none");
    }

    @Override
    public void close() {
        pusher.close();
    }
}
