package io.pusherj.it;

import io.pusherj.api.Binding;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.internal.ListenerPublisher;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK against the publisher behind {@code channel.events(…)} and
 * {@code connection.states()}, fed by a source on a thread of its own that delivers exactly the number of
 * items the TCK asks for (up to {@code Integer.MAX_VALUE}, produced only while a subscriber still listens)
 * and then ends. {@link ChannelEventsTckTest} runs the same rules with a real client and server.
 */
class ListenerPublisherTckTest {
    /** Delivers {@code count} numbers on a thread of its own, then the end; stops when unbound. */
    record CountingSource(long count) implements ListenerPublisher.Source<Long> {
        @Override
        public Binding open(ListenerPublisher.Sink<Long> sink) {
            AtomicBoolean open = new AtomicBoolean(true);
            Thread feeder = new Thread(
                    () -> {
                        for (long i = 0; i < count && open.get(); i++) {
                            sink.next(i);
                        }
                        sink.complete();
                    },
                    "tck-source");
            feeder.setDaemon(true);
            feeder.start();
            return () -> open.set(false);
        }
    }

    static final class Verification extends FlowPublisherVerification<Long> {
        Verification() {
            super(new TestEnvironment(2_000, 100));
        }

        @Override
        public Flow.Publisher<Long> createFlowPublisher(long elements) {
            // Room for every element a rule needs before it requests; the flood rule requests at once.
            return ListenerPublisher.of(new CountingSource(elements), EventBuffer.errorOnOverflow(1024));
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

    @TestFactory
    Stream<DynamicTest> reactiveStreamsTck() {
        return FlowTck.rules(Verification::new);
    }
}
