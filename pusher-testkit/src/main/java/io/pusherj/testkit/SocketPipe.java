package io.pusherj.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** Copies bytes from one socket to another until either closes: the test proxies' one loop. */
final class SocketPipe {
    private SocketPipe() {}

    /** Decides what happens to each chunk read: forwarded, held back, dropped, or the end of the pipe. */
    @FunctionalInterface
    interface Valve {
        /**
         * Handles the {@code n} bytes at the start of {@code chunk}.
         *
         * @return false to stop copying (the valve cut the connection)
         */
        boolean pass(byte[] chunk, int n, OutputStream out) throws IOException;
    }

    /** Forwards every chunk at once. */
    static final Valve OPEN = (chunk, n, out) -> {
        out.write(chunk, 0, n);
        out.flush();
        return true;
    };

    /** Copies through {@code valve} until end of stream, an error or the valve stops, then half-closes {@code to}. */
    static void pump(Socket from, Socket to, Valve valve) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (!valve.pass(buffer, n, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // Closed.
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }

    /** Starts {@code task} on a daemon thread of its own (the proxies' thread per connection and direction). */
    static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    /** Closes a socket or listener of a proxy that is shutting down; an error there changes nothing. */
    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    /** Closes with a reset (RST) instead of a FIN, as a crashed peer or a middlebox would. */
    static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
