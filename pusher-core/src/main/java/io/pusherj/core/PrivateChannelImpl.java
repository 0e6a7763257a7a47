package io.pusherj.core;

import io.pusherj.api.PrivateChannel;
import io.pusherj.api.TriggerResult;
import jakarta.json.JsonValue;
import java.util.Objects;

/** A {@code private-} channel (pusher-js {@code private_channel.ts}): authorized, and can send client events. */
class PrivateChannelImpl extends AuthorizedChannel implements PrivateChannel {
    PrivateChannelImpl(String name, Host host) {
        super(name, host);
    }

    @Override
    String kind() {
        return "private";
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
