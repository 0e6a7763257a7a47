package io.pusherj.cli.bench;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import java.util.concurrent.CompletableFuture;

/**
 * One client of a bench run: it connects, subscribes to its channel and keeps the order of what it
 * receives. Its listeners run on its strand, one at a time, so its {@link ReceiveOrder} needs no lock; what
 * the result needs of it goes into the run's {@link BenchBooks} as it happens, until they are frozen.
 */
final class BenchClient implements AutoCloseable {
    /** The event name the bench publishes. */
    static final String EVENT = "bench-event";

    private final Pusher pusher;
    private final String channel;
    private final ReceiveOrder order = new ReceiveOrder();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    /**
     * Whether this client's events count: set for the clients subscribed when publishing begins, the ones
     * the expected count is made of. A client that subscribes later would push reach past 1.
     */
    private volatile boolean counted;

    private BenchClient(Pusher pusher, String channel) {
        this.pusher = pusher;
        this.channel = channel;
    }

    /** Creates the client, connects it and subscribes it to {@code channel}; returns at once. */
    static BenchClient open(String key, PusherOptions options, String channel, BenchBooks books) {
        long start = System.nanoTime();
        BenchClient c = new BenchClient(Pusher.create(key, options), channel);
        long[] connectedAt = {0};
        boolean[] wasConnected = {false};
        c.pusher.connection().onStateChange(change -> {
            if (books.frozen().get()) {
                return;
            }
            if (change.previous() == ConnectionState.CONNECTED) {
                books.connectedNow().decrement();
            }
            if (change.current() == ConnectionState.CONNECTED) {
                books.connectedNow().increment();
                connectedAt[0] = System.nanoTime();
                if (wasConnected[0]) {
                    books.reconnects().increment();
                } else {
                    books.connect().recordNanos(connectedAt[0] - start);
                    books.connected().increment();
                }
                wasConnected[0] = true;
            }
        });
        c.pusher.connection().onError(e -> {
            if (!books.frozen().get()) {
                books.errors().count(cause(e));
            }
        });
        c.pusher.subscribe(channel, ch -> {
            ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, e -> {
                if (books.frozen().get() || c.subscribed.isDone()) {
                    return; // a resubscription after a reconnect: subscribe_ms has one figure per client
                }
                books.subscribe().recordNanos(System.nanoTime() - connectedAt[0]);
                c.subscribed.complete(null);
            });
            ch.onSubscriptionError(e -> {
                if (books.frozen().get()) {
                    return;
                }
                books.errors()
                        .count("subscription:"
                                + (e.status().isPresent()
                                        ? String.valueOf(e.status().getAsInt())
                                        : e.type()));
                // The run need not wait its whole grace period for this one; it is left out of what is expected.
                c.subscribed.completeExceptionally(new IllegalStateException(e.message()));
            });
            ch.bind(EVENT, e -> {
                if (!c.counted || books.frozen().get()) {
                    return;
                }
                long now = System.nanoTime();
                BenchPayload.Stamp stamp = BenchPayload.decode(e.data());
                if (stamp == null) {
                    books.errors().count("event:not-a-bench-payload");
                    return;
                }
                ReceiveOrder order = c.order;
                long received = order.received();
                long duplicates = order.duplicates();
                long outOfOrder = order.outOfOrder();
                order.receive(stamp.seq());
                books.latency().recordNanos(now - stamp.sentNanos());
                books.received().add(order.received() - received);
                books.duplicates().add(order.duplicates() - duplicates);
                books.outOfOrder().add(order.outOfOrder() - outOfOrder);
            });
        });
        c.pusher.connect();
        return c;
    }

    private static String cause(ConnectionError e) {
        return "connection:" + e.type().pusherJsName()
                + (e.code().isPresent() ? ":" + e.code().getAsInt() : "");
    }

    /** {@return completes once the subscription succeeded} */
    CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    /** Counts this client's events from now on (it was subscribed when publishing began). */
    void count() {
        counted = true;
    }

    /** {@return the channel this client is on} */
    String channel() {
        return channel;
    }

    /** Disconnects and closes the client; its listeners have all run when this returns. */
    @Override
    public void close() {
        pusher.close();
    }
}
