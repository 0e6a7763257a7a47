package io.pusherj.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.BooleanSupplier;

/** Copies bytes from one socket to another until either closes: the test proxies' one loop. */
final class SocketPipe {
    private SocketPipe() {
    }

    /**
     * Copies until end of stream or an error, then half-closes {@code to}.
     *
     * @param discard when true, bytes read are dropped instead of written (a black hole)
     */
    static void pump(Socket from, Socket to, BooleanSupplier discard) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (!discard.getAsBoolean()) {
                    out.write(buffer, 0, n);
                    out.flush();
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
