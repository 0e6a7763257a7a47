package io.pusherj.testkit;

import io.pusherj.server.internal.RecordedList;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of a loopback server, for fault injection: it forwards every
 * connection until told to reset all of them (RST), to black-hole them (stop forwarding both ways while
 * the sockets stay open: a half-open connection), to cut them after some more bytes from the server (in
 * the middle of a frame), to delay or throttle what it forwards, or to refuse new ones. Point the
 * client's host and port at the proxy. Two threads per forwarded connection: meant for a handful of test
 * connections.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final RecordedList<Boolean> accepted = new RecordedList<>();
    private volatile boolean refusing;
    private volatile boolean closed;
    private volatile Duration delay = Duration.ZERO;
    private volatile int bytesPerSecond;
    /** The marker and its replacement in what the server sends, or null. */
    private volatile byte[][] corruption;

    /** How often a throttled pipe writes its share of the rate. */
    private static final int THROTTLE_SLICES_PER_SECOND = 20;

    /** One forwarded connection. */
    private static final class Link {
        final Socket client;
        final Socket upstream;
        volatile boolean blackHoled;
        /** Bytes from the server still forwarded before the link is cut; negative: no cut planned. */
        final AtomicLong downstreamLeft = new AtomicLong(-1);

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }
    }

    private FaultProxy(int targetPort) throws IOException {
        target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SocketPipe.daemon("pusher-testkit-fault-proxy", this::acceptLoop);
    }

    /**
     * Starts a proxy to {@code targetPort} on 127.0.0.1.
     *
     * @param targetPort the server's port on 127.0.0.1
     * @return the running proxy
     */
    public static FaultProxy to(int targetPort) {
        try {
            return new FaultProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("fault proxy failed to start", e);
        }
    }

    /** {@return the port clients connect to} */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@return how many connections were accepted so far (refused ones included)} */
    public int acceptedConnections() {
        return accepted.snapshot().size();
    }

    /**
     * Waits until {@code count} connections were accepted.
     *
     * @param count how many connections
     * @param timeout how long to wait
     */
    public void awaitAccepted(int count, Duration timeout) {
        accepted.await(x -> true, count, timeout, "accepted connections");
    }

    /** Resets (RST) every open connection, as a crashed server or a middlebox would. */
    public void resetAll() {
        for (Link l : List.copyOf(links)) {
            SocketPipe.reset(l.client);
            SocketPipe.reset(l.upstream);
            links.remove(l);
        }
    }

    /** Stops forwarding on every open connection, both ways; the sockets stay open (half-open). */
    public void blackHoleAll() {
        links.forEach(l -> l.blackHoled = true);
    }

    /**
     * Cuts every open connection (RST both ways) once it has forwarded {@code bytes} more bytes from the
     * server: with a frame in flight, the client gets part of it and then a reset.
     *
     * @param bytes how many more server bytes each connection forwards
     */
    public void cutDownstreamAfter(long bytes) {
        links.forEach(l -> l.downstreamLeft.set(bytes));
    }

    /**
     * Replaces {@code find} by {@code replacement} (the same length, so frame lengths stay right) in what
     * the server sends, from now on: invalid UTF-8 or a broken frame where the server wrote a marker. Only
     * matches within one chunk read from the server: a short marker in a small frame.
     *
     * @param find the bytes to find
     * @param replacement bytes of the same length to put instead
     */
    public void corruptDownstream(byte[] find, byte[] replacement) {
        if (find.length != replacement.length || find.length == 0) {
            throw new IllegalArgumentException("the replacement must have the marker's length, which must not be 0");
        }
        corruption = new byte[][] {find.clone(), replacement.clone()};
    }

    /**
     * Holds every chunk for {@code delay} before forwarding it, both ways (zero: no delay).
     *
     * @param delay the hold time, zero for none
     */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /**
     * Forwards at most {@code bytesPerSecond} each way per connection (zero: no limit).
     *
     * @param bytesPerSecond the rate, zero for no limit
     */
    public void throttle(int bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /**
     * While on, new connections are accepted and reset at once (a network that refuses).
     *
     * @param refuse whether to refuse
     */
    public void refuseNew(boolean refuse) {
        refusing = refuse;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                accepted.add(refusing);
                if (refusing) {
                    SocketPipe.reset(client);
                    continue;
                }
                SocketPipe.daemon("pusher-testkit-fault-proxy-link", () -> forward(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        try (client;
                Socket upstream = new Socket()) {
            upstream.connect(target, 5_000);
            Link link = new Link(client, upstream);
            links.add(link);
            SocketPipe.daemon(
                    "pusher-testkit-fault-proxy-pipe",
                    () -> SocketPipe.pump(upstream, client, (chunk, n, out) -> pass(link, true, chunk, n, out)));
            SocketPipe.pump(client, upstream, (chunk, n, out) -> pass(link, false, chunk, n, out));
            links.remove(link);
        } catch (IOException e) {
            // The server is gone or the link was reset.
        }
    }

    /** The faults of one chunk: dropped, cut short, delayed, throttled; false once the link was cut. */
    private boolean pass(Link link, boolean fromServer, byte[] chunk, int n, OutputStream out) throws IOException {
        if (link.blackHoled) {
            return true;
        }
        long left = fromServer ? link.downstreamLeft.get() : -1;
        if (left >= 0 && n >= left) {
            shape(chunk, (int) left, out);
            SocketPipe.reset(link.client);
            SocketPipe.reset(link.upstream);
            links.remove(link);
            return false;
        }
        if (left >= 0) {
            link.downstreamLeft.addAndGet(-n);
        }
        byte[][] c = corruption;
        if (fromServer && c != null) {
            replaceAll(chunk, n, c[0], c[1]);
        }
        shape(chunk, n, out);
        return true;
    }

    private static void replaceAll(byte[] chunk, int n, byte[] find, byte[] replacement) {
        for (int i = 0; i + find.length <= n; i++) {
            if (Arrays.equals(chunk, i, i + find.length, find, 0, find.length)) {
                System.arraycopy(replacement, 0, chunk, i, replacement.length);
                i += find.length - 1;
            }
        }
    }

    /** Writes {@code n} bytes after the delay, at the throttled rate. */
    private void shape(byte[] chunk, int n, OutputStream out) throws IOException {
        Duration d = delay;
        int rate = bytesPerSecond;
        try {
            if (!d.isZero()) {
                Thread.sleep(d.toMillis());
            }
            int slice = rate > 0 ? Math.max(1, rate / THROTTLE_SLICES_PER_SECOND) : Math.max(n, 1);
            for (int off = 0; off < n; off += slice) {
                out.write(chunk, off, Math.min(slice, n - off));
                out.flush();
                if (rate > 0) {
                    Thread.sleep(1_000 / THROTTLE_SLICES_PER_SECOND);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fault proxy interrupted");
        }
    }

    /** Stops accepting and resets every connection. */
    @Override
    public void close() {
        closed = true;
        SocketPipe.closeQuietly(listener);
        resetAll();
    }
}
