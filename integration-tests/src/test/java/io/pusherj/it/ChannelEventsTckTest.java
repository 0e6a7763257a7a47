package io.pusherj.it;

import io.pusherj.api.Channel;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK against {@code channel.events("tick")} and {@code channel.events()} of a real
 * client, fed by the project's test server over a socket on 127.0.0.1.
 *
 * <p>For a stream of exactly {@code n} events, each publisher gets a channel of its own. The server
 * publishes to it once a subscriber first requests ({@link FeedOnFirstRequest}), at most 64 ahead of what
 * the client has received, and while a subscriber still listens; after
 * the {@code n}-th event the test unsubscribes the channel, which completes the stream. A stream of no
 * events is a channel unsubscribed before anyone subscribes. The server sends no subscriber counts, so
 * {@code channel.events()} too sees the ticks alone. The failed publisher is a real failure: a
 * buffer of one that overflows.
 */
class ChannelEventsTckTest {
    /** No subscriber counts: the streams under test hold the server's ticks and nothing else. */
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension(server -> server.subscriptionCount(false));

    static final Duration WAIT = PusherServerExtension.WAIT;
    static final String EVENT = "tick";
    static final int AHEAD = 64;
    static final Duration FEED_AT_MOST = Duration.ofSeconds(30);

    PusherTestServer server;
    Pusher pusher;
    final AtomicInteger channels = new AtomicInteger();

    @BeforeEach
    void start() {
        server = testServers.server();
        pusher = testServers.track(
                Pusher.create(server.appKey(), server.clientOptions().build()));
    }

    @TestFactory
    Stream<DynamicTest> eventsOfOneName() {
        return FlowTck.rules(() -> new Verification((channel, buffer) -> channel.events(EVENT, buffer)));
    }

    @TestFactory
    Stream<DynamicTest> everyEventOfTheChannel() {
        return FlowTck.rules(() -> new Verification((channel, buffer) -> channel.events(buffer)));
    }

    final class Verification extends FlowPublisherVerification<PusherEvent> {
        final BiFunction<Channel, EventBuffer, Flow.Publisher<PusherEvent>> events;

        Verification(BiFunction<Channel, EventBuffer, Flow.Publisher<PusherEvent>> events) {
            super(new TestEnvironment(2_000, 200));
            this.events = events;
        }

        @Override
        public Flow.Publisher<PusherEvent> createFlowPublisher(long elements) {
            Channel channel = subscribedChannel();
            Flow.Publisher<PusherEvent> publisher = events.apply(channel, EventBuffer.errorOnOverflow(1024));
            if (elements == 0) {
                pusher.unsubscribe(channel.name());
                return publisher;
            }
            return serverFed(publisher, channel, elements);
        }

        @Override
        public Flow.Publisher<PusherEvent> createFailedFlowPublisher() {
            Channel channel = subscribedChannel();
            Flow.Publisher<PusherEvent> publisher = events.apply(channel, EventBuffer.errorOnOverflow(1));
            return subscriber -> {
                publisher.subscribe(subscriber);
                server.publish(channel.name(), EVENT, "{\"n\":0}");
                server.publish(channel.name(), EVENT, "{\"n\":1}"); // no demand yet: the buffer of one overflows
            };
        }

        @Override
        public long maxElementsFromPublisher() {
            return Integer.MAX_VALUE;
        }
    }

    Channel subscribedChannel() {
        EventRecorder ok = new EventRecorder();
        Channel channel = pusher.subscribe(
                "tck-" + channels.incrementAndGet(), c -> c.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok));
        ok.await(1, WAIT);
        return channel;
    }

    /**
     * The channel's publisher, with the server publishing {@code count} events to it from the first
     * request on, at most {@value #AHEAD} ahead of what the client received, while a subscriber listens.
     */
    Flow.Publisher<PusherEvent> serverFed(Flow.Publisher<PusherEvent> publisher, Channel channel, long count) {
        String channelName = channel.name();
        Semaphore window = new Semaphore(AHEAD);
        AtomicLong received = new AtomicLong();
        channel.bind(EVENT, e -> {
            window.release();
            if (received.incrementAndGet() == count) {
                pusher.unsubscribe(channelName); // completes the stream, after this event
            }
        });
        return new FeedOnFirstRequest<>(publisher, "tck-feeder-" + channelName, anyoneListening -> {
            long deadline = System.nanoTime() + FEED_AT_MOST.toNanos();
            try {
                for (long sent = 0; sent < count && anyoneListening.getAsBoolean() && System.nanoTime() < deadline; ) {
                    if (window.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                        server.publish(channelName, EVENT, "{\"n\":" + sent + "}");
                        sent++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
