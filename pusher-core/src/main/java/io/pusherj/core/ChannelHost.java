package io.pusherj.core;

import io.pusherj.api.AuthError;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.ConnectionState;
import io.pusherj.core.connection.ConnectionManager;
import io.pusherj.core.runtime.SerialExecutor;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.function.BiConsumer;

/** What a client gives its channel objects: the connection, listener delivery, auth and the sign-in. */
final class ChannelHost implements ChannelImpl.Host {
    private final ConnectionManager manager;
    private final ConnectionImpl connection;
    private final Delivery delivery;
    private final AuthSteps auth;
    private final UserImpl user;
    private final SerialExecutor strand;
    private final Channels channels;

    ChannelHost(
            ConnectionManager manager,
            ConnectionImpl connection,
            Delivery delivery,
            AuthSteps auth,
            UserImpl user,
            SerialExecutor strand,
            Channels channels) {
        this.manager = manager;
        this.connection = connection;
        this.delivery = delivery;
        this.auth = auth;
        this.user = user;
        this.strand = strand;
        this.channels = channels;
    }

    @Override
    public boolean sendEvent(String event, JsonValue data, String channel) {
        return manager.sendEvent(event, data, channel);
    }

    @Override
    public void cancelledSubscriptionSucceeded(ChannelImpl channel) {
        channels.cancelledSubscriptionSucceeded(channel);
    }

    @Override
    public void cancelledSubscriptionEnded(ChannelImpl channel) {
        channels.cancelledSubscriptionEnded(channel);
    }

    @Override
    public void deliver(Runnable callbacks) {
        delivery.run(callbacks);
    }

    @Override
    public void listenerFailed(Throwable failure) {
        connection.listenerFailed(failure);
    }

    @Override
    public void subscriberFailed(Throwable failure) {
        connection.subscriberFailed(failure);
    }

    @Override
    public void authorize(String channelName, BiConsumer<ChannelAuthorization, AuthError> callback) {
        auth.authorize(channelName, callback);
    }

    @Override
    public boolean isClientClosed() {
        return channels.isClientClosed();
    }

    @Override
    public boolean isConnected() {
        return connection.state() == ConnectionState.CONNECTED;
    }

    @Override
    public Optional<String> signedInUserId() {
        return user.id();
    }

    @Override
    public void whenSigninSettled(Runnable resume) {
        user.whenSigninSettled(resume);
    }

    @Override
    public void sendClientEvent(String event, JsonValue data, String channel) {
        strand.execute(() -> manager.sendEvent(event, data, channel));
    }
}
