package io.pusherj.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Binding;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.EventBufferOverflowException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The buffer between a source that cannot be slowed down and a subscriber's demand: each overflow policy,
 * demand, cancel and the end. The source here delivers on the test's thread, as a client's strand would on
 * its own; the Reactive Streams TCK runs against the real publishers in the integration tests.
 */
class ListenerPublisherTest {
    /** A source whose registrations the test drives: what a channel's listener set is to the publisher. */
    static final class ManualSource implements ListenerPublisher.Source<Integer> {
        final List<ListenerPublisher.Sink<Integer>> open = new CopyOnWriteArrayList<>();

        @Override
        public Binding open(ListenerPublisher.Sink<Integer> sink) {
            open.add(sink);
            return () -> open.remove(sink);
        }

        void emit(int... items) {
            for (int i : items) {
                open.forEach(s -> s.next(i));
            }
        }

        void end() {
            open.forEach(ListenerPublisher.Sink::complete);
        }
    }

    /** Records every signal; requests only what the test asks for. */
    static class Recorder implements Flow.Subscriber<Integer> {
        final List<Integer> items = new ArrayList<>();
        final List<String> terminal = new ArrayList<>();
        Throwable error;
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(Integer item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable t) {
            terminal.add("error");
            error = t;
        }

        @Override
        public void onComplete() {
            terminal.add("complete");
        }
    }

    final ManualSource source = new ManualSource();

    Recorder subscribe(EventBuffer buffer) {
        Recorder r = new Recorder();
        ListenerPublisher.of(source, buffer).subscribe(r);
        return r;
    }

    @Test
    void itemsWaitForDemandAndGoOutInOrderAsRequested() {
        Recorder r = subscribe(EventBuffer.DEFAULT);
        source.emit(1, 2, 3, 4, 5);
        assertEquals(List.of(), r.items, "nothing before a request");
        r.subscription.request(2);
        assertEquals(List.of(1, 2), r.items);
        r.subscription.request(10);
        source.emit(6);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), r.items);
        assertEquals(List.of(), r.terminal);
    }

    @ParameterizedTest(name = "{0} keeps {1}")
    @CsvSource({"DROP_OLDEST, 3 4 5", "DROP_NEWEST, 1 2 3"})
    void aFullBufferDropsAsToldAndKeepsListening(EventBuffer.Overflow overflow, String kept) {
        Recorder r = subscribe(new EventBuffer(3, overflow));
        source.emit(1, 2, 3, 4, 5);
        r.subscription.request(Long.MAX_VALUE);
        assertEquals(Arrays.stream(kept.split(" ")).map(Integer::valueOf).toList(), r.items);
        assertEquals(1, source.open.size(), "still listening");
    }

    @Test
    void errorOnOverflowFailsAtOnceWithoutWaitingForDemandAndStopsListening() {
        Recorder r = subscribe(EventBuffer.errorOnOverflow(3));
        source.emit(1, 2, 3);
        assertEquals(List.of(), r.terminal);
        source.emit(4);
        assertEquals(List.of("error"), r.terminal);
        EventBufferOverflowException e = assertInstanceOf(EventBufferOverflowException.class, r.error);
        assertEquals(3, e.capacity());
        assertEquals(List.of(), source.open, "the listener is unbound");
        r.subscription.request(10);
        assertEquals(List.of(), r.items, "what was buffered is discarded with the error");
    }

    @Test
    void theDefaultHolds1024ThenSignalsAnError() {
        assertEquals(1024, EventBuffer.DEFAULT.capacity());
        assertEquals(EventBuffer.Overflow.ERROR, EventBuffer.DEFAULT.overflow());
        assertThrows(IllegalArgumentException.class, () -> EventBuffer.dropOldest(0));
    }

    @Test
    void cancelUnbindsDropsWhatIsBufferedAndSignalsNothingMore() {
        Recorder r = subscribe(EventBuffer.DEFAULT);
        source.emit(1, 2);
        r.subscription.cancel();
        assertEquals(List.of(), source.open);
        r.subscription.request(5);
        source.end();
        assertEquals(List.of(), r.items);
        assertEquals(List.of(), r.terminal);
    }

    @Test
    void theEndCompletesAfterWhatIsBufferedIsRequested() {
        Recorder r = subscribe(EventBuffer.DEFAULT);
        source.emit(1, 2);
        source.end();
        assertEquals(List.of(), r.terminal, "two items still wait for demand");
        r.subscription.request(1);
        assertEquals(List.of(), r.terminal);
        r.subscription.request(1);
        assertEquals(List.of(1, 2), r.items);
        assertEquals(List.of("complete"), r.terminal);
        assertEquals(List.of(), source.open);
    }

    @Test
    void anEmptyBufferCompletesWithoutDemand() {
        Recorder r = subscribe(EventBuffer.DEFAULT);
        source.end();
        assertEquals(List.of("complete"), r.terminal);
    }

    @Test
    void requestingZeroFailsTheSubscriptionAndStopsListening() {
        Recorder r = subscribe(EventBuffer.DEFAULT);
        r.subscription.request(0);
        assertEquals(List.of("error"), r.terminal);
        assertInstanceOf(IllegalArgumentException.class, r.error);
        assertTrue(r.error.getMessage().contains("3.9"), r.error.getMessage());
        assertEquals(List.of(), source.open);
    }

    @Test
    void aSubscriberThatThrowsIsCancelledAndReportedWhileTheSourceAndTheRequesterGoOn() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Throwable> reported = new ArrayList<>();
        Recorder r = new Recorder() {
            @Override
            public void onNext(Integer item) {
                super.onNext(item);
                throw boom;
            }
        };
        ListenerPublisher.of(source, EventBuffer.DEFAULT, reported::add).subscribe(r);
        source.emit(1, 2);
        r.subscription.request(5); // delivers 1 on this thread: rule 3.16, request returns normally
        source.emit(3);
        assertEquals(List.of(1), r.items);
        assertEquals(List.of(boom), reported);
        assertEquals(List.of(), source.open, "cancelled");
        assertEquals(List.of(), r.terminal);
    }

    @Test
    void aSubscriberWhoseOnSubscribeThrowsIsReportedAndItsRegistrationRemoved() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Throwable> reported = new ArrayList<>();
        ListenerPublisher.of(source, EventBuffer.DEFAULT, reported::add).subscribe(new Recorder() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                throw boom; // rule 1.9: subscribe still returns normally
            }
        });
        assertEquals(List.of(boom), reported);
        assertEquals(List.of(), source.open);
    }

    @Test
    void aRequestFromInsideOnNextAddsDemandInsteadOfRecursing() {
        List<Integer> seen = new ArrayList<>();
        int[] depth = {0};
        int[] deepest = {0};
        Recorder oneByOne = new Recorder() {
            @Override
            public void onNext(Integer item) {
                depth[0]++;
                deepest[0] = Math.max(deepest[0], depth[0]);
                seen.add(item);
                subscription.request(1);
                depth[0]--;
            }
        };
        ListenerPublisher.of(source, EventBuffer.DEFAULT).subscribe(oneByOne);
        source.emit(1, 2, 3, 4, 5);
        oneByOne.subscription.request(1);
        assertEquals(List.of(1, 2, 3, 4, 5), seen);
        assertEquals(1, deepest[0]);
    }

    @Test
    void whatArrivesWhileOnSubscribeRunsWaitsForItThenForDemand() {
        List<String> order = new ArrayList<>();
        Recorder r = new Recorder() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                super.onSubscribe(s);
                source.emit(7); // the registration is already made: nothing after subscribe() is missed
                s.request(1);
                order.add("onSubscribe returns");
            }

            @Override
            public void onNext(Integer item) {
                super.onNext(item);
                order.add("onNext " + item);
            }
        };
        ListenerPublisher.of(source, EventBuffer.DEFAULT).subscribe(r);
        assertEquals(List.of("onSubscribe returns", "onNext 7"), order, "rule 1.9: nothing before onSubscribe ends");
    }

    @Test
    void aSourceThatRefusesToOpenFailsTheSubscriberNotTheCaller() {
        Recorder r = new Recorder();
        ListenerPublisher.<Integer>of(
                        sink -> {
                            throw new IllegalStateException("client closed");
                        },
                        EventBuffer.DEFAULT)
                .subscribe(r);
        assertEquals(List.of("error"), r.terminal);
        assertEquals("client closed", r.error.getMessage());
    }
}
