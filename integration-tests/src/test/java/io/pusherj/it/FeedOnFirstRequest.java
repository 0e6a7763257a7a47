package io.pusherj.it;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A publisher under test whose source a TCK test feeds itself: {@code feed} runs once, on a thread of its
 * own, when a subscriber first requests; it is told whether anyone still listens, to stop when no one
 * does. So subscribers that subscribed together see the same items (the TCK's multicast rules), and
 * nothing arrives before anyone asked (a source that cannot be slowed down would otherwise fill the buffer
 * while the TCK's thread is descheduled). It keeps no reference to a subscriber: the TCK checks that a
 * cancelled one can be collected.
 *
 * @param <T> the item type
 */
final class FeedOnFirstRequest<T> implements Flow.Publisher<T> {
    private final Flow.Publisher<T> publisher;
    private final Consumer<BooleanSupplier> feed;
    private final String feederName;
    private final AtomicInteger listening = new AtomicInteger();
    private final AtomicBoolean feeding = new AtomicBoolean();

    FeedOnFirstRequest(Flow.Publisher<T> publisher, String feederName, Consumer<BooleanSupplier> feed) {
        this.publisher = publisher;
        this.feederName = feederName;
        this.feed = feed;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        publisher.subscribe(new Flow.Subscriber<T>() {
            /** Set once the subscriber stopped listening: a cancel after the end is not counted twice. */
            private final AtomicBoolean gone = new AtomicBoolean();

            private void stopped() {
                if (gone.compareAndSet(false, true)) {
                    listening.decrementAndGet();
                }
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                listening.incrementAndGet();
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        if (n > 0 && feeding.compareAndSet(false, true)) {
                            Thread feeder = new Thread(() -> feed.accept(() -> listening.get() > 0), feederName);
                            feeder.setDaemon(true);
                            feeder.start();
                        }
                        subscription.request(n);
                    }

                    @Override
                    public void cancel() {
                        stopped();
                        subscription.cancel();
                    }
                });
            }

            @Override
            public void onNext(T item) {
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable t) {
                stopped();
                subscriber.onError(t);
            }

            @Override
            public void onComplete() {
                stopped();
                subscriber.onComplete();
            }
        });
    }
}
