package io.pusherj.core;

import io.pusherj.api.PrivateChannel;
import io.pusherj.api.TriggerResult;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * A {@code private-} channel (pusher-js {@code private_channel.ts}): authorized on every subscribe, since
 * the socket id changes with each connection; can send client events.
 */
class PrivateChannelImpl extends ChannelImpl implements PrivateChannel {
    PrivateChannelImpl(String name, Host host) {
        super(name, host);
    }

    @Override
    void authorizeThenSubscribe() {
        host.authorize(name(), (authorization, failure) -> {
            if (!isSubscriptionPending()) {
                return; // the connection went away meanwhile; the next one subscribes again
            }
            if (failure != null) {
                subscriptionFailed(failure);
            } else {
                onAuthorized(authorization);
            }
        });
    }

    /** Sends the subscription; kinds that need more from the response check it first. */
    void onAuthorized(io.pusherj.api.ChannelAuthorization authorization) {
        sendSubscribe(authorization);
    }

    @Override
    public TriggerResult trigger(String eventName, JsonValue data) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(data, "data");
        if (!eventName.startsWith("client-")) {
            throw new IllegalArgumentException("client event names must start with 'client-', got '" + eventName + "'");
        }
        if (!host.isConnected()) {
            return TriggerResult.NOT_CONNECTED;
        }
        if (!isSubscribed()) {
            return TriggerResult.NOT_SUBSCRIBED;
        }
        host.sendClientEvent(eventName, data, name());
        return TriggerResult.SENT;
    }
}
