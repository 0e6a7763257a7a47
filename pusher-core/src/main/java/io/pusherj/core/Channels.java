package io.pusherj.core;

import io.pusherj.api.Channel;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.runtime.LazyField;
import io.pusherj.core.runtime.SerialExecutor;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client's channel table (pusher-js {@code channels/channels.ts} and {@code factory.createChannel}):
 * which object stands for each channel name, subscribing and unsubscribing them, and which object a
 * channel frame is for.
 *
 * <p>Threading. The table is changed on the caller's thread as well as on the strand: {@code subscribe}
 * and {@code unsubscribe} put objects in and take them out at the call, so that a {@code subscribe} after
 * an {@code unsubscribe} always gets a new object and no event can beat the bindings a setup makes; all
 * protocol work on the objects (subscribing, unsubscribing, frames) runs on the strand. An object taken out
 * while its subscription is still pending waits in {@code retired} until the server's answer comes, so
 * the answer finds it (or the object that took the subscription over).
 */
final class Channels {
    /** Sized for the few channels most clients have; grows as any concurrent map does. */
    private final Map<String, ChannelImpl> table = new ConcurrentHashMap<>(4);

    private static final LazyField<Channels, Map<String, ChannelImpl>> RETIRED =
            LazyField.of(MethodHandles.lookup(), "retired", Map.class);
    /**
     * Unsubscribed channel objects whose subscription may still be answered, by name: put here by
     * {@code unsubscribe} at the call, taken out on the strand once nothing is pending, or when the answer
     * came, failed, or a new object took the subscription over. Made by the first {@code unsubscribe}: most
     * clients never unsubscribe, and the empty map was 64 bytes of every idle client.
     */
    private volatile Map<String, ChannelImpl> retired;

    private final SerialExecutor strand;
    private final BooleanSupplier clientClosed;
    private final BooleanSupplier connected;
    private final ChannelImpl.Host host;

    /**
     * @param strand the client's strand
     * @param clientClosed whether the client was closed (readable from any thread)
     * @param connected whether the connection is up (strand)
     * @param hostFor the services channel objects use; it reaches back to this table for cancelled
     *                subscriptions
     */
    Channels(
            SerialExecutor strand,
            BooleanSupplier clientClosed,
            BooleanSupplier connected,
            Function<Channels, ChannelImpl.Host> hostFor) {
        this.strand = strand;
        this.clientClosed = clientClosed;
        this.connected = connected;
        this.host = hostFor.apply(this);
    }

    /**
     * Finds or creates the channel, lets {@code setup} bind listeners on the calling thread, and only then
     * hands the subscription to the strand, so no event can beat the bindings: while a setup runs, a
     * connection made meanwhile leaves the channel to this call's strand task. A setup that throws leaves
     * no channel behind (unless another call wants the same one).
     */
    <C extends Channel> C subscribe(String channelName, Class<C> kind, Consumer<? super C> setup) {
        Objects.requireNonNull(setup, "setup");
        ChannelNames.validate(channelName);
        if (channelName.startsWith("private-encrypted-")) {
            SecretBoxes.require(channelName);
        }
        ChannelImpl channel = table.compute(channelName, (name, existing) -> {
            ChannelImpl c = existing != null ? existing : newChannel(name);
            c.setupStarted(); // in the table's lock: a connection that sees the channel sees it is being set up
            return c;
        });
        C typed = kind.cast(channel);
        try {
            setup.accept(typed);
        } catch (Throwable e) { // a Kotlin setup may throw a checked exception undeclared
            strand.execute(() -> {
                channel.setupFinished();
                if (!channel.isWanted() && !channel.isBeingSetUp()) {
                    table.remove(channelName, channel);
                    channel.retire();
                    channel.end();
                }
            });
            throw e;
        }
        channel.markWanted();
        strand.execute(() -> {
            channel.setupFinished();
            if (!clientClosed.getAsBoolean() && !channel.isRetired()) {
                subscribeOnStrand(channel);
            }
        });
        return typed;
    }

    /** The channel class by name prefix, in pusher-js's order (docs/protocol.md §4.1). */
    private ChannelImpl newChannel(String name) {
        if (name.startsWith("private-encrypted-")) {
            return new EncryptedChannelImpl(name, host, SecretBoxes.require(name));
        }
        if (name.startsWith("private-")) {
            return new PrivateChannelImpl(name, host);
        }
        if (name.startsWith("presence-")) {
            return new PresenceChannelImpl(name, host);
        }
        return new ChannelImpl(name, host);
    }

    /** pusher-js {@code Pusher.subscribe} for one channel object, on the strand. */
    private void subscribeOnStrand(ChannelImpl channel) {
        if (channel.isBeingSetUp() || channel.isRetired()) {
            return; // its own subscribe task, queued after the setup, comes later (or it was unsubscribed)
        }
        if (channel.isSubscriptionPending() && channel.isSubscriptionCancelled()) {
            channel.reinstateSubscription();
            return;
        }
        if (channel.isSubscriptionPending() || !connected.getAsBoolean()) {
            return;
        }
        ChannelImpl pending = retiredNamed(channel.name());
        if (pending != null && pending.isSubscriptionPending() && retiredMap().remove(channel.name(), pending)) {
            channel.takeOverPendingSubscription(pending);
        } else {
            channel.subscribe();
        }
    }

    /**
     * Takes the channel out of the table at once, so a subscribe that follows makes a new object whether or
     * not the strand has sent this unsubscribe yet (pusher-js keeps the object while its subscription is
     * pending; here the new object takes that subscription over: docs/decisions.md, Channel objects).
     */
    void unsubscribe(String channelName) {
        // One step, in the table's lock for the name: out of the table and into the retired map, so a frame the
        // strand routes meanwhile finds it in one or the other, and two calls cannot both move it. A pending
        // object already retired under the name stays there if this one never asked the server (its
        // subscribe task has not run): the server's answer is still the older one's.
        ChannelImpl[] moved = new ChannelImpl[1];
        table.computeIfPresent(channelName, (name, c) -> {
            retiredMap()
                    .merge(
                            name,
                            c,
                            (old, now) -> old.isSubscriptionPending() && !now.isSubscriptionPending() ? old : now);
            c.retire();
            moved[0] = c;
            return null;
        });
        if (moved[0] != null) {
            ChannelImpl channel = moved[0];
            strand.execute(() -> unsubscribeOnStrand(channel));
        }
    }

    /** pusher-js {@code Pusher.unsubscribe} for a channel object taken out of the table (strand). */
    private void unsubscribeOnStrand(ChannelImpl channel) {
        channel.end(); // its publishers complete after the events delivered so far
        if (channel.isSubscriptionPending()) {
            // The server's answer is still to come: unsubscribe when it succeeds (pusher-js's cancel).
            channel.cancelSubscription();
            return;
        }
        forget(channel);
        if (channel.isSubscribed()) {
            channel.unsubscribe();
        }
    }

    /** A subscription cancelled while pending succeeded: unsubscribe it on the server (strand). */
    void cancelledSubscriptionSucceeded(ChannelImpl channel) {
        forget(channel);
        channel.unsubscribe();
    }

    /** A subscription cancelled while pending failed: forget it (strand). */
    void cancelledSubscriptionEnded(ChannelImpl channel) {
        forget(channel);
    }

    /** The connection is up: every channel in the table subscribes (strand). */
    void connected() {
        table.values().forEach(this::subscribeOnStrand);
    }

    /** The connection is gone: every channel is unsubscribed locally (strand). */
    void connectionLost() {
        table.values().forEach(ChannelImpl::disconnect);
        // pusher-js would resubscribe a channel whose pending subscription was cancelled; drop it instead.
        Map<String, ChannelImpl> r = retired;
        if (r != null) {
            r.values().forEach(ChannelImpl::disconnect); // ends a pending subscription's JFR event as interrupted
            r.clear();
        }
    }

    /** Hands a channel frame to the object it is for, if any (strand). */
    void route(Frame frame, String channelName) {
        ChannelImpl channel = table.get(channelName);
        ChannelImpl pending = retiredNamed(channelName);
        if (pending != null
                && (channel == null || !channel.isSubscriptionPending())
                && frame.eventName().equals("pusher_internal:subscription_succeeded")) {
            // The answer to a subscription unsubscribed while pending, not taken over by a new object
            // (that one may still be in its setup): the retired object unsubscribes.
            channel = pending;
        }
        if (channel != null) {
            channel.handleEvent(frame);
        } else if (frame.eventName().equals("pusher_internal:subscription_succeeded")) {
            // A subscription no object wants any more (unsubscribed while pending, whatever the interleaving
            // that lost its object): the server would keep sending its events, so end it there.
            host.sendEvent(
                    "pusher:unsubscribe",
                    FrameCodec.json()
                            .createObjectBuilder()
                            .add("channel", channelName)
                            .build(),
                    null);
        }
    }

    /** {@return the retired object of that name, or null} */
    private ChannelImpl retiredNamed(String channelName) {
        Map<String, ChannelImpl> r = retired;
        return r == null ? null : r.get(channelName);
    }

    /** Takes a retired object out, if it is still there. */
    private void forget(ChannelImpl channel) {
        Map<String, ChannelImpl> r = retired;
        if (r != null) {
            r.remove(channel.name(), channel);
        }
    }

    private Map<String, ChannelImpl> retiredMap() {
        return RETIRED.get(this, ConcurrentHashMap::new);
    }

    /** {@return whether the client was closed (any thread)} */
    boolean isClientClosed() {
        return clientClosed.getAsBoolean();
    }

    /** The client closed: every channel's publishers complete (strand). */
    void clientClosed() {
        table.values().forEach(ChannelImpl::end);
    }

    /** {@return the channels in the table now} */
    List<Channel> all() {
        return List.copyOf(table.values());
    }

    /** {@return the channel of that name in the table now} */
    Optional<Channel> find(String channelName) {
        return Optional.ofNullable(table.get(channelName));
    }
}
