package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.ConnectionState;
import io.pusherj.api.EventNames;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherEvent;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.PusherTestServer;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.EventRecorder;
import io.pusherj.testkit.junit.PusherServerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listeners may throw anything, not only unchecked exceptions: Kotlin lambdas and {@code @SneakyThrows}
 * methods throw checked exceptions undeclared, and a recursive listener overflows its stack. Each is
 * reported as a {@code LISTENER_ERROR} and the protocol work that delivered the event goes on.
 */
class ListenerFailureTest {
    @RegisterExtension
    final PusherServerExtension testServers = new PusherServerExtension();

    static final Duration WAIT = PusherServerExtension.WAIT;

    PusherTestServer server;
    Pusher pusher;
    ConnectionRecorder rec;

    @BeforeEach
    void start() {
        server = testServers.server();
    }

    /** Throws {@code t} without declaring it, as Kotlin and Lombok's {@code @SneakyThrows} do. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    private Pusher client(UnaryOperator<PusherOptions.Builder> options) {
        pusher = testServers.track(Pusher.create(
                server.appKey(),
                options.apply(server.clientOptions().autoConnect(false)).build()));
        rec = ConnectionRecorder.attach(pusher.connection());
        return pusher;
    }

    @Test
    void aConnectedListenerThrowingACheckedExceptionDoesNotStopTheSubscriptions() {
        client(o -> o);
        pusher.connection().onState(CONNECTED, change -> {
            throw sneaky(new IOException("checked, undeclared"));
        });
        EventRecorder subscribed = new EventRecorder();
        pusher.subscribe("news", ch -> ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, subscribed));
        pusher.connect();

        subscribed.await(1, WAIT);
        ConnectionError reported = rec.awaitError(e -> e.type() == ConnectionError.Type.LISTENER_ERROR, WAIT);
        assertInstanceOf(IOException.class, reported.cause().orElseThrow());
        server.publish("news", "story", "{}");
        assertEquals(1, server.subscriberCount("news"));
    }

    @Test
    void aListenerOverflowingItsStackIsReportedAndTheNextEventsArrive() {
        client(o -> o);
        EventRecorder after = new EventRecorder();
        EventRecorder subscribed = new EventRecorder();
        pusher.subscribe("news", ch -> {
            ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, subscribed);
            ch.bind("story", e -> recurse(0));
            ch.bind("story", after);
        });
        pusher.connect();
        subscribed.await(1, WAIT);
        server.publish("news", "story", "1");
        server.publish("news", "story", "2");

        assertEquals(
                List.of("1", "2"),
                after.await(2, WAIT).stream().map(PusherEvent::data).toList());
        ConnectionError reported = rec.awaitError(e -> e.type() == ConnectionError.Type.LISTENER_ERROR, WAIT);
        assertInstanceOf(StackOverflowError.class, reported.cause().orElseThrow());
        assertEquals(List.of(ConnectionState.CONNECTING, CONNECTED), rec.states());
    }

    @Test
    void aCheckedExceptionOnTheCallbackExecutorIsContainedToo() {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            client(o -> o.callbackExecutor(ui));
            EventRecorder after = new EventRecorder();
            EventRecorder subscribed = new EventRecorder();
            Channel news = pusher.subscribe("news", ch -> {
                ch.bind(EventNames.SUBSCRIPTION_SUCCEEDED, subscribed);
                ch.bind("story", e -> {
                    throw sneaky(new Exception("checked"));
                });
                ch.bind("story", after);
            });
            pusher.connect();
            subscribed.await(1, WAIT);
            server.publish("news", "story", "1");
            server.publish("news", "story", "2");
            assertEquals(2, after.await(2, WAIT).size());
            assertTrue(news.isSubscribed());
            assertEquals(
                    2,
                    rec.errors().stream()
                            .filter(e -> e.type() == ConnectionError.Type.LISTENER_ERROR)
                            .count());
        } finally {
            pusher.close();
            pusher = null;
            ui.shutdownNow();
        }
    }
}
