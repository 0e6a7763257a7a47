package io.pusherj.api;

import io.pusherj.api.internal.ListenerPublisher;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A channel the client has subscribed to (or asked to subscribe to).
 *
 * <p>All methods are safe from any thread. Bindings survive reconnects: the client resubscribes every
 * channel after each new connection.
 *
 * <pre>{@code
 * Channel prices = pusher.subscribe("cache-prices", ch -> {          // bind before the subscribe is sent
 *     ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, e -> log.info("subscribed"));
 *     ch.bind("price", e -> showPrice(e.json().asJsonObject().getJsonNumber("eur")));
 *     ch.onSubscriptionError(err -> log.warn("not subscribed: {}", err.message()));
 * });
 * prices.subscriptionCount().ifPresent(n -> log.info("{} subscribers", n));
 * pusher.unsubscribe("cache-prices");
 * }</pre>
 */
public interface Channel {
    /** {@return the channel name, e.g. {@code "news"} or {@code "cache-prices"}} */
    String name();

    /** {@return whether the server has confirmed the subscription on the current connection} */
    boolean isSubscribed();

    /**
     * Whether a subscription was asked for on the current connection and the server has not answered yet
     * (pusher-js {@code channel.subscriptionPending}); authorization, when the channel needs it, included.
     * Neither this nor {@link #isSubscribed()}: refused until the next connection, or waiting for one.
     *
     * @return whether the subscription is under way
     */
    default boolean isSubscriptionPending() {
        return false;
    }

    /**
     * The last subscriber count the server reported ({@code pusher:subscription_count}); empty until
     * the server sends one (subscription counting is an app setting).
     *
     * @return the last count, if the server sent one
     */
    OptionalInt subscriptionCount();

    /**
     * Listens to one event of this channel. Binding the same listener twice delivers twice.
     *
     * @param eventName the event name, e.g. {@code "order-shipped"} or {@link EventNames#SUBSCRIPTION_SUCCEEDED}
     * @param listener the listener
     * @return the binding, to remove the listener
     */
    Binding bind(String eventName, EventListener listener);

    /**
     * Listens to every event of this channel (pusher-js {@code bind_global}).
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding bindGlobal(EventListener listener);

    /**
     * Removes every binding of {@code listener} to {@code eventName}. Listeners are compared with
     * {@code equals}: a method reference or lambda written again is a new object and removes nothing, so
     * keep the {@link Binding} that {@code bind} returned, or the listener object itself.
     *
     * @param eventName the event name
     * @param listener the listener given to {@code bind}
     */
    void unbind(String eventName, EventListener listener);

    /**
     * Removes every listener bound to {@code eventName} (pusher-js {@code channel.unbind(eventName)}).
     *
     * @param eventName the event name
     */
    void unbind(String eventName);

    /**
     * Listens to subscription failures (authorization refused, endpoint unreachable). The channel stays
     * in the client and is tried again on the next connection; there is no retry loop. The same failure
     * is also emitted as the event {@link EventNames#SUBSCRIPTION_ERROR} with data
     * {@code {"type":"AuthError","error":"…","status":403}}, right after these listeners ran.
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onSubscriptionError(Consumer<AuthError> listener);

    /**
     * The events named {@code eventName} as a cold {@link Flow.Publisher}, buffered as
     * {@link EventBuffer#DEFAULT}: see {@link #events(String, EventBuffer)}.
     *
     * @param eventName the event name, e.g. {@code "order-shipped"}
     * @return a publisher; each subscriber gets the events that arrive after it subscribed
     */
    default Flow.Publisher<PusherEvent> events(String eventName) {
        return events(eventName, EventBuffer.DEFAULT);
    }

    /**
     * The events named {@code eventName} as a cold {@link Flow.Publisher}: each subscriber binds a listener
     * when it subscribes and unbinds it when it cancels, gets events only as it requests them, and has its
     * own buffer for what arrived before it asked ({@code buffer} says how much and what happens to the
     * rest). pusherj's channels complete the stream when the channel is unsubscribed or the client closed
     * (this default implementation, for other implementations of the interface, never completes); events are
     * signalled on the threads {@link EventListener} describes, or on the thread that calls
     * {@code request} or {@code subscribe}.
     *
     * <pre>{@code
     * Flux<PusherEvent> prices = JdkFlowAdapter.flowPublisherToFlux(
     *         channel.events("price", EventBuffer.dropOldest(16)));       // Reactor
     * Flowable<PusherEvent> orders = Flowable.fromPublisher(
     *         FlowAdapters.toPublisher(channel.events("order")));          // RxJava 3
     * scope.launch { channel.events("order").asFlow().collect { handle(it) } } // Kotlin coroutines (jdk9)
     * }</pre>
     *
     * @param eventName the event name, e.g. {@code "order-shipped"}
     * @param buffer each subscriber's buffer bound and overflow policy
     * @return a publisher (pusherj's passes the Reactive Streams TCK)
     */
    default Flow.Publisher<PusherEvent> events(String eventName, EventBuffer buffer) {
        Objects.requireNonNull(eventName, "eventName");
        return ListenerPublisher.of(sink -> bind(eventName, sink::next), buffer);
    }

    /**
     * Every event of this channel as a cold {@link Flow.Publisher} (pusher-js {@code bind_global}),
     * buffered as {@link EventBuffer#DEFAULT}: see {@link #events(String, EventBuffer)}.
     *
     * @return a publisher; each subscriber gets the events that arrive after it subscribed
     */
    default Flow.Publisher<PusherEvent> events() {
        return events(EventBuffer.DEFAULT);
    }

    /**
     * Every event of this channel as a cold {@link Flow.Publisher} (pusher-js {@code bind_global}),
     * including {@link EventNames#SUBSCRIPTION_SUCCEEDED} and the other {@code pusher:} events a global
     * listener sees; otherwise as {@link #events(String, EventBuffer)}.
     *
     * @param buffer each subscriber's buffer bound and overflow policy
     * @return a publisher (pusherj's passes the Reactive Streams TCK)
     */
    default Flow.Publisher<PusherEvent> events(EventBuffer buffer) {
        return ListenerPublisher.of(sink -> bindGlobal(sink::next), buffer);
    }

    /**
     * Removes every binding of this channel: event and global listeners, subscription-error listeners,
     * and the typed listeners of presence and encrypted channels.
     */
    void unbindAll();
}
