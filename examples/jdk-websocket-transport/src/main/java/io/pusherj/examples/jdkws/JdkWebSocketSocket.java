package io.pusherj.examples.jdkws;

import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection. The contract (docs/writing-a-transport.md): report {@code onOpen} once, every
 * text message whole and in order, and exactly one {@code onClose} at the end (after an {@code onError} if
 * something failed); never block the caller; {@code close()} may come at any time, from any thread.
 */
final class JdkWebSocketSocket implements TransportSocket, WebSocket.Listener {
    private final TransportSocketListener listener;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile WebSocket webSocket;
    private volatile CompletableFuture<WebSocket> connecting;
    /** Sends in flight: the JDK client allows one text send at a time, so sends are chained. */
    private CompletableFuture<WebSocket> sends = CompletableFuture.completedFuture(null);

    private JdkWebSocketSocket(TransportSocketListener listener) {
        this.listener = listener;
    }

    static JdkWebSocketSocket open(HttpClient http, URI uri, TransportSocketListener listener) {
        JdkWebSocketSocket socket = new JdkWebSocketSocket(listener);
        socket.connecting = http.newWebSocketBuilder().buildAsync(uri, socket);
        socket.connecting.whenComplete((ws, failure) -> {
            if (failure != null) {
                listener.onError(failure);
                socket.end(1006, "could not connect: " + failure.getMessage(), false);
            }
        });
        return socket;
    }

    @Override
    public void onOpen(WebSocket ws) {
        webSocket = ws;
        listener.onOpen();
        // Unbounded demand: the client queues frames itself (InboundQueue), and with demand always there
        // the JDK reads on and notices a dead connection (EOF) at once.
        ws.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data); // the JDK may split a message; the listener must get it whole
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            listener.onMessage(message);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        return null; // Pusher sends text only
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        end(statusCode, reason, true);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        listener.onError(error);
        end(1006, String.valueOf(error.getMessage()), false);
    }

    private void end(int code, String reason, boolean clean) {
        if (ended.compareAndSet(false, true)) {
            listener.onClose(code, reason == null ? "" : reason, clean);
        }
    }

    @Override
    public synchronized boolean send(String frame) {
        WebSocket ws = webSocket;
        if (ws == null || ended.get() || ws.isOutputClosed()) {
            return false;
        }
        sends = sends.thenCompose(previous -> ws.sendText(frame, true));
        return true;
    }

    @Override
    public void close() {
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, f) -> ws.abort());
        } else if (connecting != null) {
            connecting.cancel(true);
        }
    }
}
