package io.pusherj.core;

import io.pusherj.api.AuthError;
import io.pusherj.api.Binding;
import io.pusherj.api.Channel;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.EventListener;
import io.pusherj.api.EventNames;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.internal.ListenerPublisher;
import io.pusherj.core.jfr.SubscriptionEvent;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.runtime.LazyField;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.lang.invoke.MethodHandles;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A public channel (pusher-js {@code core/channels/channel.ts}), and the base of the authorized kinds.
 * Subscription state is owned by the client's strand; listener sets may be changed from any thread.
 */
class ChannelImpl implements Channel {
    private static final LazyField<ChannelImpl, StreamEnd> STREAM_END =
            LazyField.of(MethodHandles.lookup(), "streamEnd", StreamEnd.class);

    /** What a channel needs from its client; called on the strand. */
    interface Host {
        /** Sends {@code pusher:subscribe} / {@code pusher:unsubscribe}. */
        boolean sendEvent(String event, JsonValue data, String channel);

        /** A subscription this channel cancelled while pending succeeded: unsubscribe it on the server. */
        void cancelledSubscriptionSucceeded(ChannelImpl channel);

        /** A subscription this channel cancelled while pending failed: forget it. */
        void cancelledSubscriptionEnded(ChannelImpl channel);

        /** Runs listener callbacks. */
        void deliver(Runnable callbacks);

        /** Reports a listener that threw (on the strand, or where listeners run). */
        void listenerFailed(Throwable failure);

        /**
         * Reports a Flow subscriber that threw, from any thread (it may throw in {@code onSubscribe} or in a
         * drain that {@code request} started): the report is delivered like the client's other errors.
         */
        void subscriberFailed(Throwable failure);

        /**
         * Authorizes a subscription of {@code channelName} on the current connection. {@code callback}
         * runs on the strand with the authorization or the failure, only if the connection that asked is
         * still the current one.
         */
        void authorize(String channelName, BiConsumer<ChannelAuthorization, AuthError> callback);

        /** Whether the client was closed (readable from any thread). */
        boolean isClientClosed();

        /** Whether the client is connected now (readable from any thread). */
        boolean isConnected();

        /**
         * The user id confirmed by sign-in on the current connection (presence without channel_data,
         * docs/protocol.md §8.6).
         */
        Optional<String> signedInUserId();

        /** Runs {@code resume} once the sign-in in flight on this connection settled, or now if none is. */
        void whenSigninSettled(Runnable resume);

        /** Queues a client event for sending on the strand (callable from any thread). */
        void sendClientEvent(String event, JsonValue data, String channel);
    }

    private final String name;
    final Host host;
    private final Listeners<Consumer<AuthError>> subscriptionErrorListeners = new Listeners<>();
    private final Listeners<EventListener> globalListeners = new Listeners<>();
    private final NamedListeners<EventListener> listeners = new NamedListeners<>();
    /**
     * Completes this channel's Flow publishers once it is unsubscribed or the client closed; made by the
     * first publisher's subscriber or by the end (most channels never have a publisher: 32 bytes saved).
     */
    private volatile StreamEnd streamEnd;

    private volatile boolean subscribed;
    private volatile int subscriptionCount = -1;
    /** Written on the strand, read from any thread ({@link #isSubscriptionPending()}). */
    private volatile boolean subscriptionPending;

    private boolean subscriptionCancelled;
    /** The pending subscription as a JFR event, while a recording asks for them; else null. Strand only. */
    private SubscriptionEvent recorded;
    /** Set when {@code unsubscribe} took this object out of the table: a later subscribe makes a new one. */
    private volatile boolean retired;
    /** Calls of {@code subscribe} whose {@code setup} is running or whose strand task has not run yet. */
    private final AtomicInteger setupsInProgress = new AtomicInteger();
    /** Whether a {@code subscribe} call for this object completed its {@code setup}. */
    private volatile boolean wanted;
    /**
     * The channel object that took over this retired one's pending subscription (strand only): a retired
     * object's authorization, still in flight, completes the newer object's subscription.
     */
    private ChannelImpl successor;

    ChannelImpl(String name, Host host) {
        this.name = name;
        this.host = host;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * {@return the channel's kind as recordings name it} Each subclass says its own: the object's class
     * already holds the prefix decision {@code Channels} made, so it is not made again here.
     */
    String kind() {
        return name.startsWith("cache-") ? "cache" : "public";
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
        return listeners.add(eventName, listener);
    }

    @Override
    public Binding bindGlobal(EventListener listener) {
        return globalListeners.add(listener);
    }

    @Override
    public Flow.Publisher<PusherEvent> events(String eventName, EventBuffer buffer) {
        Objects.requireNonNull(eventName, "eventName");
        return ListenerPublisher.of(
                sink -> openStream(sink, listeners.addForStream(eventName, sink::next)),
                buffer,
                host::subscriberFailed);
    }

    @Override
    public Flow.Publisher<PusherEvent> events(EventBuffer buffer) {
        return ListenerPublisher.of(
                sink -> openStream(sink, globalListeners.addForStream(sink::next)), buffer, host::subscriberFailed);
    }

    private Binding openStream(ListenerPublisher.Sink<PusherEvent> sink, Binding events) {
        Binding stream = streamEnd().open(sink, events);
        if (host.isClientClosed()) {
            sink.complete(); // a subscribe racing close() may have put this object in the table after the end
        }
        return stream;
    }

    private StreamEnd streamEnd() {
        return STREAM_END.get(this, StreamEnd::new);
    }

    @Override
    public void unbind(String eventName, EventListener listener) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(listener, "listener");
        Listeners<EventListener> l = listeners.get(eventName);
        if (l != null) {
            l.remove(listener);
        }
    }

    @Override
    public void unbind(String eventName) {
        listeners.remove(eventName);
    }

    @Override
    public Binding onSubscriptionError(Consumer<AuthError> listener) {
        return subscriptionErrorListeners.add(listener);
    }

    @Override
    public void unbindAll() {
        globalListeners.clear();
        listeners.clear();
        subscriptionErrorListeners.clear();
    }

    // Life of the object in the client's table (any thread).

    /** A {@code subscribe} call starts its setup on this object. */
    void setupStarted() {
        setupsInProgress.incrementAndGet();
    }

    /** That call's strand task runs. */
    void setupFinished() {
        setupsInProgress.decrementAndGet();
    }

    /** A {@code subscribe} call completed its setup: the application wants this channel. */
    void markWanted() {
        wanted = true;
    }

    boolean isWanted() {
        return wanted;
    }

    /** Whether a {@code subscribe} call is still binding listeners: the subscription waits for it. */
    boolean isBeingSetUp() {
        return setupsInProgress.get() > 0;
    }

    void retire() {
        retired = true;
    }

    /** This object will deliver nothing more (unsubscribed, or the client closed): its publishers complete. Strand. */
    void end() {
        streamEnd().end(host::deliver, host::listenerFailed);
    }

    boolean isRetired() {
        return retired;
    }

    // Strand-only state machine, as in pusher-js.

    @Override
    public boolean isSubscriptionPending() {
        return subscriptionPending;
    }

    boolean isSubscriptionCancelled() {
        return subscriptionCancelled;
    }

    void subscribe() {
        if (subscribed) {
            return;
        }
        recordSubscription(SubscriptionEvent.INTERRUPTED, 0); // a subscribe still unanswered is over
        recorded = SubscriptionEvent.start(name, kind());
        subscriptionPending = true;
        subscriptionCancelled = false;
        authorizeThenSubscribe();
    }

    /**
     * Takes over the pending subscription of a retired object of the same name (unsubscribed, then
     * subscribed again, while the first subscription was still pending): no second subscribe is sent, the
     * server's answer to the first completes this one.
     */
    void takeOverPendingSubscription(ChannelImpl retiredPending) {
        retiredPending.successor = this;
        recorded = retiredPending.recorded; // its JFR event goes on here, and ends with the server's answer
        retiredPending.recorded = null;
        subscriptionPending = true;
        subscriptionCancelled = false;
        inheritAuthorization(retiredPending);
    }

    /**
     * Takes what the retired object kept from an authorization that already completed (an encrypted
     * channel's key, a presence channel's own user id); one still running hands its result here itself.
     */
    void inheritAuthorization(ChannelImpl retired) {
        // A public channel keeps nothing.
    }

    /** The object a retired channel's pending subscription now serves: itself, or its last successor. */
    final ChannelImpl current() {
        ChannelImpl c = this;
        while (c.successor != null) {
            c = c.successor;
        }
        return c;
    }

    /** Public channels are authorized trivially, with an empty {@code auth} (pusher-js). */
    void authorizeThenSubscribe() {
        sendSubscribe(ChannelAuthorization.of(""));
    }

    /** Ends the subscription's JFR event, if a recording asked for it. */
    private void recordSubscription(String outcome, int status) {
        if (recorded != null) {
            recorded.end(outcome, status);
            recorded = null;
        }
    }

    /** Sends {@code pusher:subscribe} with the authorization (the shared secret is never sent). */
    final void sendSubscribe(ChannelAuthorization authorization) {
        var data = FrameCodec.json().createObjectBuilder().add("auth", authorization.auth());
        authorization.channelData().ifPresent(cd -> data.add("channel_data", cd));
        host.sendEvent("pusher:subscribe", data.add("channel", name).build(), null);
    }

    /**
     * The subscription failed: pusher-js emits {@code pusher:subscription_error} on the channel; the
     * typed listeners get the same. No retry until the next connection.
     */
    final void subscriptionFailed(AuthError error) {
        var data = FrameCodec.json()
                .createObjectBuilder()
                .add("type", error.type())
                .add("error", error.message());
        error.status().ifPresent(st -> data.add("status", st));
        subscriptionFailed(error, new Frame(EventNames.SUBSCRIPTION_ERROR, name, data.build(), null));
    }

    private void subscriptionFailed(AuthError error, Frame event) {
        recordSubscription(SubscriptionEvent.FAILED, error.status().orElse(0));
        subscriptionPending = false;
        subscribed = false;
        if (subscriptionCancelled || retired) {
            host.cancelledSubscriptionEnded(this); // nothing left to unsubscribe, nothing to take over
            return; // the application unsubscribed: its listeners hear nothing more
        }
        // Typed listeners first, then the pusher-js event: one order for everyone to rely on.
        if (!subscriptionErrorListeners.isEmpty()) {
            host.deliver(() -> subscriptionErrorListeners.forEach(l -> l.accept(error), host::listenerFailed));
        }
        emit(event);
    }

    void unsubscribe() {
        subscribed = false;
        host.sendEvent(
                "pusher:unsubscribe",
                FrameCodec.json().createObjectBuilder().add("channel", name).build(),
                null);
    }

    void cancelSubscription() {
        subscriptionCancelled = true;
    }

    void reinstateSubscription() {
        subscriptionCancelled = false;
    }

    /** The connection went away: the subscription must be made again on the next one. */
    void disconnect() {
        recordSubscription(SubscriptionEvent.INTERRUPTED, 0);
        subscribed = false;
        subscriptionPending = false;
        successor = null;
    }

    /** Handles a frame for this channel (strand). */
    void handleEvent(Frame frame) {
        String event = frame.eventName();
        switch (event) {
            case "pusher_internal:subscription_succeeded" -> {
                recordSubscription(SubscriptionEvent.SUCCEEDED, 0);
                subscriptionPending = false;
                subscribed = true;
                // Retired: unsubscribed at the call, its strand task may not have marked it cancelled yet.
                if (subscriptionCancelled || retired) {
                    host.cancelledSubscriptionSucceeded(this);
                } else {
                    emit(frame.renamed(EventNames.SUBSCRIPTION_SUCCEEDED));
                }
            }
            case "pusher_internal:subscription_count" -> {
                storeCount(frame);
                emit(frame.renamed(EventNames.SUBSCRIPTION_COUNT));
            }
            case EventNames.SUBSCRIPTION_ERROR -> {
                // Self-hosted servers refuse a bad signature this way (docs/protocol.md §14); the connection stays up.
                var data = FrameCodec.dataObject(frame);
                subscriptionFailed(
                        new AuthError(
                                data.getString("type", "AuthError"),
                                data.getString("error", frame.data()),
                                data.get("status") instanceof JsonNumber n
                                        ? OptionalInt.of(n.intValue())
                                        : OptionalInt.empty()),
                        frame);
            }
            case EventNames.SUBSCRIPTION_COUNT -> {
                // The official Java client accepts this form from some servers too.
                storeCount(frame);
                emit(frame);
            }
            default -> {
                if (!event.startsWith("pusher_internal:")) {
                    emit(applicationEvent(frame));
                }
            }
        }
    }

    /**
     * An event as this channel's listeners see it: pusher-js passes a {@code user_id} only on presence
     * channels (where the server vouches for it), so elsewhere it is dropped.
     */
    Frame applicationEvent(Frame frame) {
        return frame.userId().isPresent() ? frame.withoutUserId() : frame;
    }

    private void storeCount(Frame frame) {
        if (FrameCodec.dataObject(frame).get("subscription_count") instanceof JsonNumber n && n.intValue() > 0) {
            subscriptionCount = n.intValue();
        }
    }

    /** Delivers a frame to this channel's listeners. */
    final void emit(Frame frame) {
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
