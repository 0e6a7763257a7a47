package io.pusherj.it;

import io.pusherj.api.EventBuffer;
import io.pusherj.api.internal.ListenerPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK against the publisher behind {@code channel.events(…)} and
 * {@code connection.states()}, fed by a source on a thread of its own that delivers exactly the number of
 * items the TCK asks for (up to {@code Integer.MAX_VALUE}, produced only while a subscriber still listens)
 * to every subscriber, and then ends. {@link ChannelEventsTckTest} runs the same rules with a real client and server.
 */
class ListenerPublisherTckTest {
    static final int CAPACITY = 1024;

    /**
     * A source of {@code count} numbers to every open sink, then the end, fed from the first request on
     * ({@link FeedOnFirstRequest}) while a subscriber listens; a stream larger than the buffer is a flood
     * that no subscriber paces (the TCK's rule for demand past {@code Long.MAX_VALUE}), so it drops the
     * newest rather than fail.
     */
    static Flow.Publisher<Long> counting(long count) {
        List<ListenerPublisher.Sink<Long>> sinks = new CopyOnWriteArrayList<>();
        EventBuffer buffer =
                count > CAPACITY ? EventBuffer.dropNewest(CAPACITY) : EventBuffer.errorOnOverflow(CAPACITY);
        Flow.Publisher<Long> publisher = ListenerPublisher.of(
                sink -> {
                    sinks.add(sink);
                    return () -> sinks.remove(sink);
                },
                buffer);
        return new FeedOnFirstRequest<>(publisher, "tck-source", anyoneListening -> {
            for (long i = 0; i < count && anyoneListening.getAsBoolean(); i++) {
                for (ListenerPublisher.Sink<Long> sink : sinks) {
                    sink.next(i);
                }
            }
            sinks.forEach(ListenerPublisher.Sink::complete);
        });
    }

    static final class Verification extends FlowPublisherVerification<Long> {
        Verification() {
            super(new TestEnvironment(2_000, 100));
        }

        @Override
        public Flow.Publisher<Long> createFlowPublisher(long elements) {
            return elements == 0 ? ended() : counting(elements);
        }

        @Override
        public Flow.Publisher<Long> createFailedFlowPublisher() {
            return ListenerPublisher.of(
                    sink -> {
                        throw new IllegalStateException("the client is closed");
                    },
                    EventBuffer.DEFAULT);
        }

        @Override
        public long maxElementsFromPublisher() {
            return Integer.MAX_VALUE;
        }
    }

    /** A stream whose source has already ended when the subscriber arrives. */
    static Flow.Publisher<Long> ended() {
        return ListenerPublisher.of(
                sink -> {
                    sink.complete();
                    return () -> {};
                },
                EventBuffer.DEFAULT);
    }

    @TestFactory
    Stream<DynamicTest> reactiveStreamsTck() {
        return FlowTck.rules(Verification::new);
    }
}
