package io.pusherj.core.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.spi.SharedResourcePool;
import io.pusherj.api.spi.SharedResources;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** How a runtime closes: its clients first, its resources and threads after, never waiting on itself. */
class ClientRuntimeTest {
    static final long WAIT_SECONDS = 10;

    /** A client whose close the test finishes. */
    static final class PendingClient implements ClientRuntime.Client {
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final AtomicBoolean closeStarted = new AtomicBoolean();

        @Override
        public CompletableFuture<Void> closeAsync() {
            closeStarted.set(true);
            return closed;
        }

        @Override
        public boolean onItsStrand() {
            return false;
        }
    }

    /** A resource that records its close. */
    static final class Resource implements AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void transportsGetAViewOfTheSharedResourcesThatCannotCloseThem() {
        ClientRuntime runtime = new ClientRuntime(1, 1);
        try {
            SharedResources view = runtime.resources();
            assertFalse(view instanceof SharedResourcePool, "a transport could close every client's connections");
            assertFalse(view instanceof AutoCloseable);
        } finally {
            runtime.close();
        }
    }

    @Test
    void closedFromItsOwnThreadItReturnsAtOnceAndStopsWhenItsClientsFinished() throws Exception {
        ClientRuntime runtime = new ClientRuntime(1, 1);
        PendingClient client = new PendingClient();
        runtime.attach(client);
        Resource resource = runtime.resources()
                .acquire(Resource.class, "key", k -> new Resource())
                .get();
        CountDownLatch closeReturned = new CountDownLatch(1);

        runtime.pool().execute(() -> {
            runtime.close(); // waiting here would wait for tasks queued behind this very thread
            closeReturned.countDown();
        });

        assertTrue(closeReturned.await(WAIT_SECONDS, TimeUnit.SECONDS), "close() returned");
        assertTrue(client.closeStarted.get());
        assertTrue(runtime.isClosed());
        assertFalse(resource.closed.get(), "the client's connection still needs the shared resources");

        client.closed.complete(null);

        assertTrue(runtime.pool().awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "the strand pool stopped");
        assertTrue(resource.closed.get(), "the shared resources closed once the client finished");
    }

    @Test
    void aClientThatNeverFinishesClosingDoesNotKeepTheRuntimeUp() throws Exception {
        ClientRuntime runtime = new ClientRuntime(1, 1);
        runtime.attach(new PendingClient()); // never finishes
        runtime.pool().execute(runtime::close);

        assertTrue(
                runtime.pool().awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS),
                "stopped 5 s after close() although a client never finished");
    }

    @Test
    void aClosedRuntimeTakesNoClientAndNoNewResource() {
        ClientRuntime runtime = new ClientRuntime(1, 1);
        runtime.close();
        assertThrows(IllegalStateException.class, () -> runtime.attach(new PendingClient()));
        assertThrows(
                IllegalStateException.class,
                () -> runtime.resources().acquire(Resource.class, "key", k -> new Resource()));
    }
}
