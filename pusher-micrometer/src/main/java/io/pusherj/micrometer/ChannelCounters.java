package io.pusherj.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code pusher.events.received} per channel, for at most {@code limit} channel names: the names seen first
 * get a {@code channel} tag each, later ones all count as {@code channel=other}. The bound keeps a client
 * with a channel per user from creating a time series per user.
 */
final class ChannelCounters {
    private final MeterRegistry registry;
    private final Tags tags;
    private final int limit;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter other;

    ChannelCounters(MeterRegistry registry, Tags tags, int limit) {
        this.registry = registry;
        this.tags = tags;
        this.limit = limit;
        this.other = counter(PusherMetrics.OTHER_CHANNELS);
    }

    /** {@return the counter for events of {@code channel}} */
    Counter forChannel(String channel) {
        Counter c = counters.get(channel);
        if (c != null) {
            return c;
        }
        if (counters.size() >= limit) {
            return other;
        }
        return counters.computeIfAbsent(channel, this::counter); // one strand per client: no race past the limit
    }

    private Counter counter(String channel) {
        return Counter.builder("pusher.events.received")
                .tags(tags)
                .tag("channel", channel)
                .description("The application's events received, per channel for the first channel names")
                .register(registry);
    }
}
