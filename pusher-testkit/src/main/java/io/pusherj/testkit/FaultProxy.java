package io.pusherj.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a loopback server, for fault injection: it forwards every
 * connection until told to reset all of them (RST), to black-hole them (stop forwarding both ways while
 * the sockets stay open: a half-open connection), or to refuse new ones. Point the client's host and port
 * at the proxy. Two threads per forwarded connection: meant for a handful of test connections.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final RecordedList<Boolean> accepted = new RecordedList<>();
    private volatile boolean refusing;
    private volatile boolean closed;

    /** One forwarded connection. */
    private static final class Link {
        final Socket client;
        final Socket upstream;
        volatile boolean blackHoled;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }
    }

    private FaultProxy(int targetPort) throws IOException {
        target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "pusher-testkit-fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy to {@code targetPort} on 127.0.0.1. */
    public static FaultProxy to(int targetPort) {
        try {
            return new FaultProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("fault proxy failed to start", e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections were accepted so far (refused ones included). */
    public int acceptedConnections() {
        return accepted.snapshot().size();
    }

    /** Waits until {@code count} connections were accepted. */
    public void awaitAccepted(int count, java.time.Duration timeout) {
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

    /** While on, new connections are accepted and reset at once (a network that refuses). */
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
                Thread t = new Thread(() -> forward(client), "pusher-testkit-fault-proxy-link");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        try (client; Socket upstream = new Socket()) {
            upstream.connect(target, 5_000);
            Link link = new Link(client, upstream);
            links.add(link);
            Thread back = new Thread(() -> SocketPipe.pump(upstream, client, () -> link.blackHoled),
                    "pusher-testkit-fault-proxy-pipe");
            back.setDaemon(true);
            back.start();
            SocketPipe.pump(client, upstream, () -> link.blackHoled);
            links.remove(link);
        } catch (IOException e) {
            // The server is gone or the link was reset.
        }
    }

    /** Stops accepting and resets every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Nothing to do.
        }
        resetAll();
    }
}
