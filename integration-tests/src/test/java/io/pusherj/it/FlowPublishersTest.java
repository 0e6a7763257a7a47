package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Binding;
import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.EventBuffer;
import io.pusherj.api.EventBufferOverflowException;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.adapter.JdkFlowAdapter;

/**
 * {@code channel.events(…)} and {@code connection.states()} as an application uses them, through Reactor's
 * {@link JdkFlowAdapter}, against the test server: order, the end of a stream, overflow and a subscriber
 * that throws.
 */
class FlowPublishersTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension(server -> server.subscriptionCount(false));

    static final Duration WAIT = PusherServerExtension.WAIT;

    PusherTestServer server;
    Pusher pusher;

    @BeforeEach
    void start() {
        server = testServers.server();
        pusher = testServers.track(
                Pusher.create(server.appKey(), server.clientOptions().build()));
    }

    Channel subscribed(String name, EventRecorder events) {
        EventRecorder ok = new EventRecorder();
        Channel channel = pusher.subscribe(name, c -> {
            c.bind(EventNames.SUBSCRIPTION_SUCCEEDED, ok);
            c.bindGlobal(events);
        });
        ok.await(1, WAIT);
        return channel;
    }

    /** The data of every {@code story} event of {@code channel} until its stream ends, through Reactor. */
    static CompletableFuture<List<String>> storiesOf(Channel channel) {
        return JdkFlowAdapter.flowPublisherToFlux(channel.events("story"))
                .map(PusherEvent::data)
                .collectList()
                .toFuture();
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void reactorReceivesTheEventsInOrderAndCompletesWhenTheChannelIsUnsubscribed() throws Exception {
        EventRecorder seen = new EventRecorder();
        Channel news = subscribed("news", seen);
        CompletableFuture<List<String>> stories = storiesOf(news);
        for (int i = 0; i < 3; i++) {
            server.publish("news", "story", "{\"n\":" + i + "}");
            server.publish("news", "other", "{}");
        }
        seen.await(e -> !e.eventName().startsWith("pusher:"), 6, WAIT);
        pusher.unsubscribe("news");
        assertEquals(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}"), await(stories));
    }

    @Test
    void everyEventOfTheChannelAsAStreamThatTakesTwo() throws Exception {
        EventRecorder seen = new EventRecorder();
        Channel news = subscribed("news", seen);
        CompletableFuture<List<String>> firstTwo = JdkFlowAdapter.flowPublisherToFlux(news.events())
                .map(PusherEvent::eventName)
                .take(2)
                .collectList()
                .toFuture();
        server.publish("news", "a", "{}");
        server.publish("news", "b", "{}");
        server.publish("news", "c", "{}");
        assertEquals(List.of("a", "b"), await(firstTwo));
        seen.await(e -> !e.eventName().startsWith("pusher:"), 3, WAIT);
    }

    @Test
    void theStatesOfAConnectionUntilTheClientClosesThenTheStreamCompletes() throws Exception {
        Pusher manual = testServers.track(Pusher.create(
                server.appKey(), server.clientOptions().autoConnect(false).build()));
        CompletableFuture<List<ConnectionState>> states = JdkFlowAdapter.flowPublisherToFlux(
                        manual.connection().states())
                .map(ConnectionStateChange::current)
                .collectList()
                .toFuture();
        ConnectionRecorder rec = ConnectionRecorder.attach(manual.connection());
        manual.connect();
        rec.awaitState(ConnectionState.CONNECTED, WAIT);
        manual.close();
        assertEquals(
                List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.DISCONNECTED),
                await(states));
    }

    @Test
    void aStreamOpenedAfterItsEndCompletesAtOnce() throws Exception {
        Channel news = subscribed("news", new EventRecorder());
        pusher.unsubscribe("news");
        subscribed("after", new EventRecorder()); // the strand has handled the unsubscribe since
        assertEquals(
                List.of(),
                await(JdkFlowAdapter.flowPublisherToFlux(news.events("story"))
                        .collectList()
                        .toFuture()));
        pusher.close();
        assertEquals(
                List.of(),
                await(JdkFlowAdapter.flowPublisherToFlux(pusher.connection().states())
                        .collectList()
                        .toFuture()));
    }

    @Test
    void unbindingTheApplicationsListenersLeavesTheStreamsListening() throws Exception {
        EventRecorder seen = new EventRecorder();
        Channel news = subscribed("news", seen);
        CompletableFuture<List<String>> stories = storiesOf(news);
        CompletableFuture<Long> all =
                JdkFlowAdapter.flowPublisherToFlux(news.events()).count().toFuture();
        news.unbind("story");
        news.unbindAll(); // the application's bindings, seen included; not the streams'
        EventRecorder after = new EventRecorder();
        news.bind("story", after);
        server.publish("news", "story", "{\"n\":1}");
        after.await(1, WAIT);
        pusher.unsubscribe("news");
        assertEquals(List.of("{\"n\":1}"), await(stories));
        assertEquals(1L, await(all));
        assertEquals(
                List.of(),
                seen.events().stream()
                        .filter(e -> e.eventName().equals("story"))
                        .toList());
    }

    @Test
    void aSubscriberThatFallsBehindGetsAnOverflowErrorAndTheClientCarriesOn() throws Exception {
        EventRecorder seen = new EventRecorder();
        Channel news = subscribed("news", seen);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        news.events("story", EventBuffer.errorOnOverflow(2)).subscribe(new Flow.Subscriber<PusherEvent>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                // requests nothing: a consumer stuck elsewhere
            }

            @Override
            public void onNext(PusherEvent item) {
                failure.completeExceptionally(new AssertionError("nothing was requested, got " + item));
            }

            @Override
            public void onError(Throwable t) {
                failure.complete(t);
            }

            @Override
            public void onComplete() {
                failure.completeExceptionally(new AssertionError("completed"));
            }
        });
        for (int i = 0; i < 4; i++) {
            server.publish("news", "story", "{\"n\":" + i + "}");
        }
        EventBufferOverflowException overflow = assertInstanceOf(EventBufferOverflowException.class, await(failure));
        assertEquals(2, overflow.capacity());
        assertEquals(
                4,
                seen.await(e -> e.eventName().equals("story"), 4, WAIT).size(),
                "the client's listeners got every event");
    }

    @Test
    void aSubscriberThatThrowsInOnSubscribeIsReportedOnTheClientsThreadsNotTheSubscribersOwn() throws Exception {
        Channel news = subscribed("news", new EventRecorder());
        assertTrue(
                threadReportingAThrowingOnSubscribe(news.events("story")) != Thread.currentThread(),
                "error listeners run one at a time on the client's side");
        assertTrue(
                threadReportingAThrowingOnSubscribe(pusher.connection().states()) != Thread.currentThread(),
                "the states stream reports the same way");
    }

    /** Subscribes a subscriber whose {@code onSubscribe} throws; {@return the thread its error was reported on} */
    <T> Thread threadReportingAThrowingOnSubscribe(Flow.Publisher<T> publisher) throws Exception {
        CompletableFuture<Thread> reportedOn = new CompletableFuture<>();
        IllegalStateException boom = new IllegalStateException("onSubscribe bug");
        Binding errors = pusher.connection().onError(e -> {
            if (e.cause().orElse(null) == boom) {
                reportedOn.complete(Thread.currentThread());
            }
        });
        publisher.subscribe(new Flow.Subscriber<T>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                throw boom; // rule 2.13; subscribe still returns normally (rule 1.9)
            }

            @Override
            public void onNext(T item) {}

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onComplete() {}
        });
        try {
            return await(reportedOn);
        } finally {
            errors.unbind();
        }
    }

    @Test
    void aSubscriberThatThrowsIsReportedAsAListenerErrorAndHearsNothingMore() throws Exception {
        EventRecorder seen = new EventRecorder();
        Channel news = subscribed("news", seen);
        ConnectionRecorder rec = ConnectionRecorder.attach(pusher.connection());
        IllegalStateException boom = new IllegalStateException("subscriber bug");
        List<String> brokenSaw = new CopyOnWriteArrayList<>();
        news.events("story").subscribe(new Flow.Subscriber<PusherEvent>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(PusherEvent item) {
                brokenSaw.add("next " + item.data());
                throw boom; // breaks rule 2.13: the publisher cancels it
            }

            @Override
            public void onError(Throwable t) {
                brokenSaw.add("error");
            }

            @Override
            public void onComplete() {
                brokenSaw.add("complete");
            }
        });
        CompletableFuture<List<String>> healthy = storiesOf(news);

        server.publish("news", "story", "{\"n\":0}");
        ConnectionError reported = rec.awaitError(e -> e.type() == ConnectionError.Type.LISTENER_ERROR, WAIT);
        assertSame(boom, reported.cause().orElseThrow());
        server.publish("news", "story", "{\"n\":1}");
        server.publish("news", "story", "{\"n\":2}");
        seen.await(e -> e.data().equals("{\"n\":2}"), 1, WAIT); // the last one reached the client's listeners
        pusher.unsubscribe("news");

        assertEquals(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}"), await(healthy), "the others go on");
        assertEquals(List.of("next {\"n\":0}"), brokenSaw, "cancelled: no more events, no completion");
    }
}
