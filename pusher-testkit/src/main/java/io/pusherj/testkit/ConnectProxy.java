package io.pusherj.testkit;

import io.pusherj.server.internal.RecordedList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP proxy on 127.0.0.1 that supports {@code CONNECT} tunnels, for testing the proxy option.
 * It only tunnels to loopback addresses and records every target it was asked for. One thread per tunnel
 * direction: meant for a handful of test connections.
 */
public final class ConnectProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final RecordedList<String> targets = new RecordedList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ConnectProxy() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SocketPipe.daemon("pusher-testkit-proxy", this::acceptLoop);
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1.
     *
     * @return the running server, or proxy
     */
    public static ConnectProxy start() {
        try {
            return new ConnectProxy();
        } catch (IOException e) {
            throw new IllegalStateException("proxy failed to start", e);
        }
    }

    /** {@return the host the proxy listens on} */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** {@return the port the proxy listens on} */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@return every {@code host:port} a client asked to tunnel to, in order} */
    public List<String> targets() {
        return targets.snapshot();
    }

    /**
     * Waits until {@code count} tunnels were requested.
     *
     * @param count how many tunnels
     * @param timeout how long to wait
     * @return every {@code host:port} requested so far, in order
     */
    public List<String> awaitTargets(int count, Duration timeout) {
        return targets.await(t -> true, count, timeout, "CONNECT requests");
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                SocketPipe.daemon("pusher-testkit-proxy-tunnel", () -> tunnel(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            OutputStream out = client.getOutputStream();
            if (requestLine.length < 2 || !"CONNECT".equals(requestLine[0])) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String target = requestLine[1];
            targets.add(target);
            int colon = target.lastIndexOf(':');
            InetAddress address = InetAddress.getByName(target.substring(0, colon));
            if (!address.isLoopbackAddress()) {
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            try (Socket upstream = new Socket()) {
                sockets.add(upstream);
                upstream.connect(new InetSocketAddress(address, Integer.parseInt(target.substring(colon + 1))), 5_000);
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                SocketPipe.daemon(
                        "pusher-testkit-proxy-pipe", () -> SocketPipe.pump(upstream, client, SocketPipe.OPEN));
                SocketPipe.pump(client, upstream, SocketPipe.OPEN);
            }
        } catch (IOException | RuntimeException e) {
            // A tunnel ends when either side closes.
        } finally {
            sockets.remove(client);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
            if (sb.length() > 16_384) {
                throw new IOException("request head too large");
            }
        }
        return sb.toString();
    }

    /** Stops accepting and closes every tunnel. */
    @Override
    public void close() {
        closed = true;
        SocketPipe.closeQuietly(listener);
        sockets.forEach(SocketPipe::closeQuietly);
    }
}
