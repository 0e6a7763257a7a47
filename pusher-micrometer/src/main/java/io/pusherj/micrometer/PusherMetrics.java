package io.pusherj.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pusherj.api.Pusher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reports a pusherj client to Micrometer, through the client's public API only.
 *
 * <table>
 *   <caption>The meters</caption>
 *   <tr><th>meter</th><th>kind</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code pusher.connection.state}</td><td>gauge</td><td>{@code state}</td>
 *       <td>1 for the current one of the six states, 0 for the others</td></tr>
 *   <tr><td>{@code pusher.connection.connects}</td><td>counter</td><td>{@code transport}</td>
 *       <td>connections made since binding, the first and every reconnect</td></tr>
 *   <tr><td>{@code pusher.connection.reconnects}</td><td>counter</td><td>{@code transport}</td>
 *       <td>connections made after the client's first</td></tr>
 *   <tr><td>{@code pusher.connection.errors}</td><td>counter</td><td>{@code type}, {@code code},
 *       {@code transport}</td><td>connection errors by pusher-js error type, close or error code and
 *       transport ({@code none} where an error has none); a listener that threw is
 *       {@code type=listenererror}</td></tr>
 *   <tr><td>{@code pusher.connection.time.to.connected}</td><td>timer</td><td></td>
 *       <td>from starting to connect (or losing the connection) to connected, across the retries in
 *       between</td></tr>
 *   <tr><td>{@code pusher.events.received}</td><td>counter</td><td>{@code channel}, if asked for</td>
 *       <td>the application's events received, not the protocol's</td></tr>
 *   <tr><td>{@code pusher.auth.requests}</td><td>timer</td><td>{@code kind} ({@code channel},
 *       {@code user}), {@code outcome} ({@code success}, {@code failure})</td>
 *       <td>channel authorizations and user authentications</td></tr>
 *   <tr><td>{@code pusher.inbound.queued}</td><td>gauge</td><td></td>
 *       <td>received frame text waiting for the listeners, in chars</td></tr>
 *   <tr><td>{@code pusher.subscriptions}</td><td>gauge</td><td>{@code state} ({@code subscribed},
 *       {@code pending}, {@code idle})</td><td>the client's channels: confirmed, asked for and not answered
 *       yet, or neither (refused until the next connection, or waiting for one)</td></tr>
 * </table>
 *
 * <pre>{@code
 * Pusher pusher = Pusher.create("app-key", options);
 * new PusherMetrics(pusher, Tags.of("app", "orders")).bindTo(registry);
 * // events per channel, for at most 50 channel names; the others count as channel=(other)
 * new PusherMetrics(pusher, Tags.of("app", "orders")).withChannelTags(50).bindTo(registry);
 * }</pre>
 *
 * <p>The meters follow the client from the moment they are bound: a client already connected then is not
 * counted as a connect, but its next connection is a reconnect. They are updated on the client's strand
 * (or callback executor), never under a lock of the caller's. When the client is closed, or
 * {@link #close()} is called, its meters leave the registry and its listeners are removed, so a new client
 * with the same tags starts afresh (with a callback executor, just after {@code close()} returns). Two live
 * clients in one registry need different tags: binding a second with the same tags is refused. A global
 * binding counts the events: {@code pusher.unbindAll()} removes it too, as it removes every global binding.
 * Safe from any thread.
 */
public final class PusherMetrics implements MeterBinder, AutoCloseable {
    private final Pusher pusher;
    private final Tags tags;
    private final int channelTagLimit;
    /** Guarded by {@code this}: binding and closing are rare, and neither calls the application. */
    private final List<BoundMetrics> bound = new ArrayList<>();

    /**
     * Metrics for {@code pusher}, with {@code tags} on every meter (to tell several clients apart).
     *
     * @param pusher the client
     * @param tags tags for every meter
     */
    public PusherMetrics(Pusher pusher, Iterable<Tag> tags) {
        this(pusher, Tags.of(Objects.requireNonNull(tags, "tags")), 0);
    }

    /**
     * Metrics for {@code pusher}, with no extra tags.
     *
     * @param pusher the client
     */
    public PusherMetrics(Pusher pusher) {
        this(pusher, Tags.empty());
    }

    private PusherMetrics(Pusher pusher, Tags tags, int channelTagLimit) {
        this.pusher = Objects.requireNonNull(pusher, "pusher");
        this.tags = tags;
        this.channelTagLimit = channelTagLimit;
    }

    /**
     * New metrics like these, with {@code pusher.events.received} counted per channel: a {@code channel}
     * tag for each of the first {@code limit} channel names seen, {@code channel=(other)} for the rest (no
     * channel name has parentheses). Off by default, since channel names can be unbounded (one per user or
     * order) and every tag value is a time series in the monitoring system.
     *
     * @param limit how many channel names get a tag of their own, at least 1
     * @return metrics with channel tags, not bound yet
     */
    public PusherMetrics withChannelTags(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return new PusherMetrics(pusher, tags, limit);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a client with the same tags is bound to {@code registry} already
     */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        bound.add(BoundMetrics.bind(pusher, registry, tags, channelTagLimit));
    }

    /** Removes the meters from every registry they were bound to and the listeners from the client. */
    @Override
    public synchronized void close() {
        bound.forEach(BoundMetrics::close);
        bound.clear();
    }

    @Override
    public String toString() {
        return "PusherMetrics[" + tags + (channelTagLimit == 0 ? "" : ", channel tags for " + channelTagLimit) + "]";
    }
}
