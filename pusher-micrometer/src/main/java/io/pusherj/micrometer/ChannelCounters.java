package io.pusherj.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code pusher.events.received} per channel, for at most {@code limit} channel names: the names seen first
 * get a {@code channel} tag each, later ones all count as {@code channel=(other)}, which no channel name can
 * be. The bound keeps a client with a channel per user from creating a time series per user.
 */
final class ChannelCounters {
    /** The {@code channel} tag of the events of channels past the limit: parentheses are not in channel names. */
    static final String OTHER_CHANNELS = "(other)";

    private final Tags tags;
    private final int limit;
    private final Function<Counter.Builder, Counter> register;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter other;

    ChannelCounters(Tags tags, int limit, Function<Counter.Builder, Counter> register) {
        this.tags = tags;
        this.limit = limit;
        this.register = register;
        this.other = counter(OTHER_CHANNELS);
    }

    /** {@return the counter for events of {@code channel}} (called on the client's strand, one at a time) */
    Counter forChannel(String channel) {
        Counter c = counters.get(channel);
        if (c != null) {
            return c;
        }
        if (counters.size() >= limit) {
            return other;
        }
        return counters.computeIfAbsent(channel, this::counter);
    }

    private Counter counter(String channel) {
        return register.apply(Counter.builder("pusher.events.received")
                .tags(tags)
                .tag("channel", channel)
                .description("The application's events received, per channel for the first channel names"));
    }
}
