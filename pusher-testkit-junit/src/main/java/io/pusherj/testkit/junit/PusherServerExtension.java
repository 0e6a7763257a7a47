package io.pusherj.testkit.junit;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.server.PusherTestServer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a started {@link PusherTestServer} on 127.0.0.1, closes the
 * clients the test made, and fails the test if pusherj threads outlive them (MockWebServer's JUnit 5
 * extension and OkHttp's client test rule, for pusherj):
 *
 * <pre>{@code
 * class ChatTest {
 *     @RegisterExtension
 *     final PusherServerExtension pusher = new PusherServerExtension();
 *
 *     @Test
 *     void receivesWhatIsPublished() {
 *         Pusher client = pusher.client(options -> options);      // not connected yet; closed after the test
 *         ...
 *         pusher.server().publish("chat", "message", "{}");
 *     }
 * }
 * }</pre>
 *
 * A test method or {@code @BeforeEach} method may also declare a {@link PusherTestServer} parameter. The
 * check for threads left behind runs after the clients and the server are closed; it waits up to
 * {@link #THREADS_GONE_WITHIN} for pusherj's threads to end (their pools stop when the last client
 * closes) and fails the test naming those still alive.
 */
public final class PusherServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /** How long awaits in tests usually wait: long enough for a loaded CI machine, short enough to fail. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    /** How long pusherj's threads may take to end once the last client is closed. */
    public static final Duration THREADS_GONE_WITHIN = Duration.ofSeconds(10);

    private final UnaryOperator<PusherTestServer.Builder> serverSetup;
    private final boolean checkThreads;
    private final Duration threadsGoneWithin;
    private PusherTestServer server;
    private final Deque<AutoCloseable> closeAfterTest = new ArrayDeque<>();

    /** An extension whose tests each get a default server. */
    public PusherServerExtension() {
        this(builder -> builder);
    }

    /**
     * An extension whose tests each get a server set up by {@code serverSetup}.
     *
     * @param serverSetup configures the server's builder, e.g. {@code b -> b.tls(true)}
     */
    public PusherServerExtension(UnaryOperator<PusherTestServer.Builder> serverSetup) {
        this(serverSetup, true, THREADS_GONE_WITHIN);
    }

    PusherServerExtension(
            UnaryOperator<PusherTestServer.Builder> serverSetup, boolean checkThreads, Duration threadsGoneWithin) {
        this.serverSetup = Objects.requireNonNull(serverSetup, "serverSetup");
        this.checkThreads = checkThreads;
        this.threadsGoneWithin = threadsGoneWithin;
    }

    /**
     * {@return this extension without the check for threads left behind} For tests that measure threads
     * themselves, or keep a client across tests on purpose.
     */
    public PusherServerExtension withoutThreadCheck() {
        return new PusherServerExtension(serverSetup, false, threadsGoneWithin);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = serverSetup.apply(PusherTestServer.builder()).start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        while (!closeAfterTest.isEmpty()) {
            try {
                closeAfterTest.pop().close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (failure != null) {
            throw failure;
        }
        if (checkThreads) {
            Threads.assertNoneLeft(threadsGoneWithin);
        }
    }

    /** {@return the current test's server, started} */
    public PusherTestServer server() {
        return Optional.ofNullable(server)
                .orElseThrow(() -> new IllegalStateException("the server exists only while a test runs"));
    }

    /**
     * A client of the current test's server, not connected yet ({@code autoConnect(false)}), closed after
     * the test.
     *
     * @param options adds to the server's client options
     * @return the client
     */
    public Pusher client(UnaryOperator<PusherOptions.Builder> options) {
        PusherTestServer s = server();
        return track(Pusher.create(
                s.appKey(), options.apply(s.clientOptions().autoConnect(false)).build()));
    }

    /**
     * Closes {@code closeable} after the test (before the server), the last tracked first.
     *
     * @param closeable a client, another server, a proxy, ...
     * @param <T> its type
     * @return {@code closeable}
     */
    public <T extends AutoCloseable> T track(T closeable) {
        closeAfterTest.push(Objects.requireNonNull(closeable, "closeable"));
        return closeable;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PusherTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }
}
