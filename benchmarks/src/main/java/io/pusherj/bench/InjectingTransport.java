package io.pusherj.bench;

import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportProvider;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code ws} slot without a network, written against the public SPI: the benchmark hands frames
 * straight to the client ({@link #inject}) and reads what the client sends ({@link #awaitSent}). It
 * measures everything pusherj does with a frame after the socket has read it.
 */
final class InjectingTransport implements TransportProvider, Transport, TransportSocket {
    private final CompletableFuture<TransportSocketListener> opened = new CompletableFuture<>();
    private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    private volatile TransportSocketListener listener;

    @Override
    public Set<String> transportNames() {
        return Set.of("ws");
    }

    @Override
    public Transport create(TransportContext context) {
        return this;
    }

    @Override
    public String name() {
        return "ws";
    }

    @Override
    public int priority() {
        return 2;
    }

    @Override
    public TransportSocket open(TransportRequest request, TransportSocketListener l) {
        listener = l;
        opened.complete(l);
        return this;
    }

    /**
     * Waits for the client to open its socket, then reports it open from this thread, as a real
     * transport reports from its I/O thread once {@code open} has returned.
     */
    void awaitOpenAndAccept(Duration timeout) throws Exception {
        opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS).onOpen();
    }

    /** One frame, as if the socket had just read it. */
    void inject(String frame) {
        listener.onMessage(frame);
    }

    /** The next frame the client sent that contains {@code fragment}; fails after {@code timeout}. */
    String awaitSent(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String frame = sent.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new IllegalStateException(
                        "the client sent no frame containing " + fragment + " within " + timeout);
            }
            if (frame.contains(fragment)) {
                return frame;
            }
        }
    }

    @Override
    public boolean send(String frame) {
        return sent.add(frame);
    }

    @Override
    public void close() {
        // Nothing to release: there is no network.
    }
}
