package io.pusherj.core;

import io.pusherj.api.Binding;
import io.pusherj.api.Channel;
import io.pusherj.api.EventListener;
import io.pusherj.api.EventNames;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import jakarta.json.JsonNumber;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A channel (pusher-js {@code core/channels/channel.ts}). Subscription state is owned by the client's
 * strand; listener sets may be changed from any thread.
 */
final class ChannelImpl implements Channel {
    /** What a channel needs from its client; called on the strand. */
    interface Host {
        /** Sends {@code pusher:subscribe} / {@code pusher:unsubscribe}. */
        boolean sendEvent(String event, jakarta.json.JsonValue data, String channel);

        /** pusher-js {@code pusher.unsubscribe(name)}, from the strand. */
        void unsubscribeOnStrand(String channelName);

        /** Runs listener callbacks. */
        void deliver(Runnable callbacks);

        /** Reports a listener that threw. */
        void listenerFailed(Throwable failure);
    }

    private final String name;
    private final Host host;
    private final Listeners<EventListener> globalListeners = new Listeners<>();
    private final Map<String, Listeners<EventListener>> listeners = new ConcurrentHashMap<>();

    private volatile boolean subscribed;
    private volatile int subscriptionCount = -1;
    private boolean subscriptionPending;
    private boolean subscriptionCancelled;

    ChannelImpl(String name, Host host) {
        this.name = name;
        this.host = host;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isSubscribed() {
        return subscribed;
    }

    @Override
    public OptionalInt subscriptionCount() {
        int c = subscriptionCount;
        return c < 0 ? OptionalInt.empty() : OptionalInt.of(c);
    }

    @Override
    public Binding bind(String eventName, EventListener listener) {
        java.util.Objects.requireNonNull(eventName, "eventName");
        return listeners.computeIfAbsent(eventName, k -> new Listeners<>()).add(listener);
    }

    @Override
    public Binding bindGlobal(EventListener listener) {
        return globalListeners.add(listener);
    }

    @Override
    public void unbind(String eventName, EventListener listener) {
        Listeners<EventListener> l = listeners.get(eventName);
        if (l != null) {
            l.remove(listener);
        }
    }

    @Override
    public void unbindAll() {
        globalListeners.clear();
        listeners.clear();
    }

    /** Takes over the bindings of a channel object that lost a subscribe/unsubscribe race. */
    void absorbBindings(ChannelImpl other) {
        globalListeners.absorb(other.globalListeners);
        other.listeners.forEach((event, l) -> listeners.computeIfAbsent(event, k -> new Listeners<>()).absorb(l));
    }

    // Strand-only state machine, as in pusher-js.

    boolean isSubscriptionPending() {
        return subscriptionPending;
    }

    boolean isSubscriptionCancelled() {
        return subscriptionCancelled;
    }

    void subscribe() {
        if (subscribed) {
            return;
        }
        subscriptionPending = true;
        subscriptionCancelled = false;
        host.sendEvent("pusher:subscribe", FrameCodec.json().createObjectBuilder()
                .add("auth", "").add("channel", name).build(), null);
    }

    void unsubscribe() {
        subscribed = false;
        host.sendEvent("pusher:unsubscribe", FrameCodec.json().createObjectBuilder().add("channel", name).build(), null);
    }

    void cancelSubscription() {
        subscriptionCancelled = true;
    }

    void reinstateSubscription() {
        subscriptionCancelled = false;
    }

    /** The connection went away: the subscription must be made again on the next one. */
    void disconnect() {
        subscribed = false;
        subscriptionPending = false;
    }

    void handleEvent(Frame frame) {
        String event = frame.eventName();
        switch (event) {
            case "pusher_internal:subscription_succeeded" -> {
                subscriptionPending = false;
                subscribed = true;
                if (subscriptionCancelled) {
                    host.unsubscribeOnStrand(name);
                } else {
                    emit(frame.renamed(EventNames.SUBSCRIPTION_SUCCEEDED));
                }
            }
            case "pusher_internal:subscription_count" -> {
                storeCount(frame);
                emit(frame.renamed(EventNames.SUBSCRIPTION_COUNT));
            }
            case EventNames.SUBSCRIPTION_COUNT -> {
                // The official Java client accepts this form from some servers too.
                storeCount(frame);
                emit(frame);
            }
            default -> {
                if (!event.startsWith("pusher_internal:")) {
                    emit(frame);
                }
            }
        }
    }

    private void storeCount(Frame frame) {
        if (FrameCodec.dataObject(frame).get("subscription_count") instanceof JsonNumber n && n.intValue() > 0) {
            subscriptionCount = n.intValue();
        }
    }

    private void emit(Frame frame) {
        Listeners<EventListener> specific = listeners.get(frame.eventName());
        if (globalListeners.isEmpty() && (specific == null || specific.isEmpty())) {
            return;
        }
        host.deliver(() -> {
            globalListeners.forEach(l -> l.onEvent(frame), host::listenerFailed);
            if (specific != null) {
                specific.forEach(l -> l.onEvent(frame), host::listenerFailed);
            }
        });
    }

    @Override
    public String toString() {
        return "Channel[" + name + (subscribed ? ", subscribed" : "") + "]";
    }
}
