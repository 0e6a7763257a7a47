package io.pusherj.api.internal;

import io.pusherj.api.Binding;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.EventBufferOverflowException;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscriber's subscription to a {@link ListenerPublisher}: the bounded buffer between the source and
 * the subscriber's demand.
 *
 * <p>Signals go out from a drain loop that one thread runs at a time (the work-in-progress counter
 * {@code wip}), so they are serial (Reactive Streams rule 1.3) and a {@code request} from inside
 * {@code onNext} adds demand instead of recursing (rule 3.3). The buffer's lock is held only to move
 * items in and out, never while calling the subscriber. Once terminated or cancelled, the drain keeps
 * {@code wip} above zero for good, so nothing is signalled again.
 */
final class BufferedSubscription<T> implements Flow.Subscription, ListenerPublisher.Sink<T> {
    private final int capacity;
    private final EventBuffer.Overflow overflow;
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong requested = new AtomicLong();

    /** Guarded by {@code this}. */
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    /** Guarded by {@code this}: no item will be added any more. */
    private boolean ended;
    /** Guarded by {@code this}: signalled ahead of anything buffered. */
    private Throwable failure;

    private volatile boolean cancelled;
    /** Cleared once the subscription is over, so it keeps no subscriber alive (rule 3.13). */
    private volatile Flow.Subscriber<? super T> subscriber;

    private volatile Binding registration;
    /** Set once the source is no longer wanted: a registration that arrives after it is removed at once. */
    private volatile boolean released;

    BufferedSubscription(Flow.Subscriber<? super T> subscriber, EventBuffer buffer) {
        this.subscriber = subscriber;
        this.capacity = buffer.capacity();
        this.overflow = buffer.overflow();
    }

    /** Hands the subscription out, then registers with the source (so no item precedes onSubscribe). */
    void start(ListenerPublisher.Source<T> source) {
        Flow.Subscriber<? super T> s = subscriber;
        try {
            s.onSubscribe(this);
        } catch (Throwable t) { // rule 2.13: a subscriber that throws has cancelled; its caller hears why
            cancel();
            throw t;
        }
        if (released) {
            return; // cancelled (or failed by a bad request) inside onSubscribe
        }
        Binding b;
        try {
            b = source.open(this);
        } catch (RuntimeException e) { // e.g. the client is closed: the subscriber hears it, the caller does not
            fail(e);
            return;
        }
        registration = b;
        if (released) {
            b.unbind(); // ended or cancelled while opening: cancel() may have seen no registration yet
        }
    }

    @Override
    public void next(T item) {
        if (released) {
            return;
        }
        boolean overflowed = false;
        synchronized (this) {
            if (ended) {
                return;
            }
            if (queue.size() >= capacity) {
                switch (overflow) {
                    case DROP_OLDEST -> queue.pollFirst();
                    case DROP_NEWEST -> {
                        return;
                    }
                    case ERROR -> overflowed = true;
                }
            }
            if (overflowed) {
                endWith(new EventBufferOverflowException(capacity));
            } else {
                queue.addLast(item);
            }
        }
        if (overflowed) {
            release();
        }
        drain();
    }

    @Override
    public void complete() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        release();
        drain();
    }

    @Override
    public void request(long n) {
        if (n <= 0) { // rule 3.9
            fail(new IllegalArgumentException(
                    "Reactive Streams rule 3.9: request(n) needs n > 0, was " + n + "; the subscription is cancelled"));
            return;
        }
        // Rule 3.17: demand adds up to Long.MAX_VALUE, which means unbounded.
        requested.getAndUpdate(r -> r + n < 0 ? Long.MAX_VALUE : r + n);
        drain();
    }

    @Override
    public void cancel() {
        cancelled = true;
        release();
        drain();
    }

    /** Ends the stream with {@code error}, ahead of anything buffered. */
    private void fail(Throwable error) {
        synchronized (this) {
            endWith(error);
        }
        release();
        drain();
    }

    private void endWith(Throwable error) { // under the lock
        if (failure == null) {
            failure = error;
        }
        ended = true;
        queue.clear();
    }

    private void release() {
        released = true;
        Binding b = registration;
        if (b != null) {
            b.unbind();
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        Flow.Subscriber<? super T> s = subscriber;
        int missed = 1;
        for (; ; ) {
            long demand = requested.get();
            long emitted = 0;
            for (; ; ) {
                if (cancelled) {
                    discard();
                    return;
                }
                T item = null;
                Throwable error;
                boolean done;
                boolean empty;
                synchronized (this) {
                    error = failure;
                    done = ended;
                    empty = queue.isEmpty();
                    if (error == null && !empty && emitted != demand) {
                        item = queue.pollFirst();
                    }
                }
                if (error != null) {
                    discard();
                    s.onError(error); // thrown back to the source's listener guard, which reports it
                    return;
                }
                if (done && empty) {
                    discard();
                    s.onComplete();
                    return;
                }
                if (item == null) {
                    break; // no demand, or nothing buffered
                }
                try {
                    s.onNext(item);
                } catch (Throwable t) { // rule 2.13: cancelled; the caller (a client's listener guard) reports it
                    cancel();
                    throw t;
                }
                emitted++;
            }
            if (emitted != 0 && demand != Long.MAX_VALUE) {
                requested.addAndGet(-emitted);
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    /** The subscription is over: drop the buffer and the subscriber. */
    private void discard() {
        synchronized (this) {
            queue.clear();
            ended = true;
        }
        subscriber = null;
    }
}
