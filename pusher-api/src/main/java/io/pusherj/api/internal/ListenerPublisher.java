package io.pusherj.api.internal;

import io.pusherj.api.Binding;
import io.pusherj.api.EventBuffer;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A cold {@link Flow.Publisher} over a listener registration: each subscriber gets its own registration,
 * made when it subscribes and removed when it cancels or the stream ends, and its own bounded buffer
 * ({@link EventBuffer}) between what the source delivers and what the subscriber requested.
 *
 * <p>The source delivers on its own thread (a client's strand) and is never blocked or slowed: what does
 * not fit the buffer is handled by the caller's overflow policy. Signals reach the subscriber one at a time,
 * on the source's thread, on the thread that called {@code request}, or on the thread that called
 * {@code subscribe} (what arrived while {@code onSubscribe} ran), and never under a lock.
 *
 * @param <T> the item type
 */
public final class ListenerPublisher<T> implements Flow.Publisher<T> {
    /** Where the items come from. */
    @FunctionalInterface
    public interface Source<T> {
        /**
         * Starts delivering to {@code sink}: every item with {@link Sink#next}, and {@link Sink#complete}
         * once no more will come (at once, if the source has already ended).
         *
         * @param sink where items go; safe to call from any thread
         * @return what stops the delivery; called once the subscription is cancelled or terminated
         */
        Binding open(Sink<T> sink);
    }

    /** What a source delivers to. */
    public interface Sink<T> {
        /**
         * One item. Never blocks.
         *
         * @param item the item
         */
        void next(T item);

        /** The source ended: the subscriber gets what is buffered, then {@code onComplete}. Idempotent. */
        void complete();
    }

    private final Source<T> source;
    private final EventBuffer buffer;
    private final Consumer<Throwable> subscriberFailed;

    private ListenerPublisher(Source<T> source, EventBuffer buffer, Consumer<Throwable> subscriberFailed) {
        this.source = Objects.requireNonNull(source, "source");
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.subscriberFailed = Objects.requireNonNull(subscriberFailed, "subscriberFailed");
    }

    /**
     * A publisher over {@code source}.
     *
     * @param source opens a registration for each subscriber
     * @param buffer each subscriber's buffer bound and overflow policy
     * @param subscriberFailed hears what a subscriber threw (Reactive Streams rule 2.13: its subscription is
     *                         cancelled, and the error must be reported, not thrown at whoever signalled)
     * @param <T> the item type
     * @return the publisher
     */
    public static <T> Flow.Publisher<T> of(Source<T> source, EventBuffer buffer, Consumer<Throwable> subscriberFailed) {
        return new ListenerPublisher<>(source, buffer, subscriberFailed);
    }

    /**
     * A publisher over {@code source} that reports what a subscriber threw to the uncaught-exception handler
     * of the thread it was thrown on (for implementations of the API without a client to report it to).
     *
     * @param source opens a registration for each subscriber
     * @param buffer each subscriber's buffer bound and overflow policy
     * @param <T> the item type
     * @return the publisher
     */
    public static <T> Flow.Publisher<T> of(Source<T> source, EventBuffer buffer) {
        return of(source, buffer, failure -> {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, failure);
        });
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams rule 1.9
        new BufferedSubscription<T>(subscriber, buffer, subscriberFailed).start(source);
    }

    @Override
    public String toString() {
        return "ListenerPublisher[" + buffer + "]";
    }
}
