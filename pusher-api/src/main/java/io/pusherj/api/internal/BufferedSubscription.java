package io.pusherj.api.internal;

import io.pusherj.api.Binding;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.EventBufferOverflowException;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One subscriber's subscription to a {@link ListenerPublisher}: the bounded buffer between the source and
 * the subscriber's demand.
 *
 * <p>Signals go out from a drain loop that one thread runs at a time (the work-in-progress counter
 * {@code wip}), so they are serial (Reactive Streams rule 1.3) and a {@code request} from inside
 * {@code onNext} adds demand instead of recursing (rule 3.3). The buffer's lock (a private object, so no
 * caller can hold it) is taken only to move items in and out, never while calling the subscriber. Once
 * terminated or cancelled, the drain keeps {@code wip} above zero for good, so nothing is signalled again.
 * What a subscriber throws cancels its subscription and goes to {@code subscriberFailed}: {@code request},
 * {@code subscribe} and the source's {@code next} always return normally (rules 1.9, 2.13, 3.16).
 */
final class BufferedSubscription<T> implements Flow.Subscription, ListenerPublisher.Sink<T> {
    private final int capacity;
    private final EventBuffer.Overflow overflow;
    /** Starts held: {@link #start} lets go once the subscriber has its subscription. */
    private final AtomicInteger wip = new AtomicInteger(1);

    private final AtomicLong requested = new AtomicLong();
    private final Consumer<Throwable> subscriberFailed;
    private final Object lock = new Object();

    /** Guarded by {@code lock}. */
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    /** Guarded by {@code lock}: no item will be added any more. */
    private boolean ended;
    /** Guarded by {@code lock}: signalled ahead of anything buffered. */
    private Throwable failure;

    private volatile boolean cancelled;
    /** Cleared once the subscription is over, so it keeps no subscriber alive (rule 3.13). */
    private volatile Flow.Subscriber<? super T> subscriber;

    private volatile Binding registration;
    /** Set once the source is no longer wanted: a registration that arrives after it is removed at once. */
    private volatile boolean released;

    BufferedSubscription(
            Flow.Subscriber<? super T> subscriber, EventBuffer buffer, Consumer<Throwable> subscriberFailed) {
        this.subscriber = subscriber;
        this.subscriberFailed = subscriberFailed;
        this.capacity = buffer.capacity();
        this.overflow = buffer.overflow();
    }

    /**
     * Registers with the source, then hands the subscription out. Until {@code onSubscribe} has returned,
     * the drain is held ({@code wip} starts at 1), so what arrives meanwhile waits in the buffer and no
     * signal can precede {@code onSubscribe} (rule 1.9); nothing that arrives after {@code subscribe} was
     * called is missed.
     */
    void start(ListenerPublisher.Source<T> source) {
        Throwable refused = null;
        try {
            Binding b = source.open(this);
            registration = b;
            if (released) {
                b.unbind(); // ended while opening: release() may have seen no registration yet
            }
        } catch (Throwable e) { // e.g. the client is closed: the subscriber hears it, the caller does not
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            refused = e;
        }
        Flow.Subscriber<? super T> s = subscriber;
        try {
            s.onSubscribe(this);
        } catch (Throwable t) { // rule 2.13: a subscriber that throws has cancelled; the drain stays held
            if (refused != null) {
                t.addSuppressed(refused);
            }
            cancel();
            subscriberFailed(t);
            return;
        }
        if (refused != null) {
            fail(refused);
        }
        drainLoop(); // lets go of the hold taken at construction
    }

    @Override
    public void next(T item) {
        if (released) {
            return;
        }
        boolean overflowed = false;
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        drainLoop();
    }

    /** Signals what it can; the caller holds {@code wip}. */
    private void drainLoop() {
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
                synchronized (lock) {
                    error = failure;
                    done = ended;
                    empty = queue.isEmpty();
                    if (error == null && !empty && emitted != demand) {
                        item = queue.pollFirst();
                    }
                }
                if (error != null) {
                    discard();
                    signal(() -> s.onError(error));
                    return;
                }
                if (done && empty) {
                    discard();
                    signal(s::onComplete);
                    return;
                }
                if (item == null) {
                    break; // no demand, or nothing buffered
                }
                T next = item;
                if (!signal(() -> s.onNext(next))) {
                    return; // cancelled: wip stays taken, nothing more goes out
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

    /**
     * Calls the subscriber; {@return false if it threw} (rule 2.13): the subscription is then cancelled and
     * the failure reported. Only a fatal {@link VirtualMachineError} (not a stack overflow) goes on.
     */
    private boolean signal(Runnable call) {
        try {
            call.run();
            return true;
        } catch (Throwable t) {
            cancelled = true;
            release();
            discard();
            subscriberFailed(t);
            return false;
        }
    }

    private void subscriberFailed(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
        subscriberFailed.accept(t);
    }

    /** The subscription is over: drop the buffer and the subscriber. */
    private void discard() {
        synchronized (lock) {
            queue.clear();
            ended = true;
        }
        subscriber = null;
    }
}
