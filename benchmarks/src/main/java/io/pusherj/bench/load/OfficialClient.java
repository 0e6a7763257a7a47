package io.pusherj.bench.load;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@code com.pusher:pusher-java-client} 2.4.4, configured as its README shows for a custom host. */
final class OfficialClient implements BenchClient {
    private final Pusher pusher;

    OfficialClient(Target target) {
        pusher = new Pusher(
                target.key(),
                new PusherOptions()
                        .setHost(target.host())
                        .setWsPort(target.port())
                        .setUseTLS(false));
    }

    @Override
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        pusher.connect(
                new ConnectionEventListener() {
                    @Override
                    public void onConnectionStateChange(ConnectionStateChange change) {
                        if (change.getCurrentState() == ConnectionState.CONNECTED) {
                            connected.complete(null);
                        }
                    }

                    @Override
                    public void onError(String message, String code, Exception e) {
                        connected.completeExceptionally(
                                new IllegalStateException("official client: " + message + " " + code, e));
                    }
                },
                ConnectionState.CONNECTED);
        return connected;
    }

    @Override
    public CompletableFuture<Void> subscribe(String channel, Map<String, Consumer<String>> handlers) {
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        pusher.subscribe(
                channel,
                new ChannelEventListener() {
                    @Override
                    public void onSubscriptionSucceeded(String name) {
                        subscribed.complete(null);
                    }

                    @Override
                    public void onEvent(PusherEvent event) {
                        Consumer<String> handler = handlers.get(event.getEventName());
                        if (handler != null) {
                            handler.accept(event.getData());
                        }
                    }
                },
                handlers.keySet().toArray(String[]::new));
        return subscribed;
    }

    @Override
    public String transport() {
        return "ws";
    }

    @Override
    public void close() {
        pusher.disconnect();
    }
}
