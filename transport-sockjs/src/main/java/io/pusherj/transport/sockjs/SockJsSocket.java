package io.pusherj.transport.sockjs;

import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportSocket;
import io.pusherj.api.spi.TransportSocketListener;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One SockJS connection (pusher-js's SockJS transport, docs/protocol.md §11.9): once SockJS is open, the first
 * message is the path message {@code {"path":"/app/KEY?protocol=7&…"}}; after it the socket carries
 * Pusher messages as usual. Spring's sends block, so they run on the runtime's pool, chained to keep
 * their order and off the client's strand.
 */
final class SockJsSocket implements TransportSocket, WebSocketHandler {
    private static final JsonProvider JSON = JsonProvider.provider();

    private final SockJsRuntime runtime;
    private final String genericPath;
    private final TransportSocketListener listener;
    private final Consumer<SockJsSocket> onFinished;
    private CompletableFuture<WebSocketSession> connecting;
    private WebSocketSession session;
    private CompletableFuture<Void> sends = CompletableFuture.completedFuture(null);
    private boolean closed;
    private boolean reported;

    SockJsSocket(
            SockJsRuntime runtime,
            String genericPath,
            TransportSocketListener listener,
            Consumer<SockJsSocket> onFinished) {
        this.runtime = runtime;
        this.genericPath = genericPath;
        this.listener = listener;
        this.onFinished = onFinished;
    }

    /** Connects; with {@code nullOrigin} ({@code ignoreNullOrigin}) the requests carry {@code Origin: null}. */
    void start(URI base, boolean nullOrigin) {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (nullOrigin) {
            headers.setOrigin("null");
        }
        CompletableFuture<WebSocketSession> f = runtime.client().execute(this, headers, base);
        synchronized (this) {
            connecting = f;
        }
        f.whenComplete((s, failure) -> {
            if (failure != null) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                }
                listener.onError(failure);
                finish(1006, "SockJS could not connect: " + failure.getMessage(), false);
            }
        });
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession s) {
        boolean abandon;
        synchronized (this) {
            session = s;
            abandon = closed;
        }
        if (abandon) {
            closeQuietly(s);
            return;
        }
        String path =
                JSON.createObjectBuilder().add("path", genericPath).build().toString();
        enqueue(path);
        listener.onOpen();
    }

    @Override
    public void handleMessage(WebSocketSession s, WebSocketMessage<?> message) {
        if (!(message instanceof TextMessage text)) {
            return;
        }
        if (text.getPayload() == JsonpMessageCodec.UNDECODABLE) {
            listener.onError(new IOException("the server sent a SockJS frame that is not a message array or is"
                    + " over " + Transport.MAX_MESSAGE_BYTES + " bytes"));
            finish(1009, "undecodable or oversized SockJS frame", false);
            runtime.pool().execute(() -> closeQuietly(s));
            return;
        }
        listener.onMessage(text.getPayload());
    }

    @Override
    public void handleTransportError(WebSocketSession s, Throwable exception) {
        listener.onError(exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession s, CloseStatus status) {
        finish(
                status.getCode(),
                status.getReason(),
                status.getCode() != CloseStatus.NO_CLOSE_FRAME.getCode() && status.getCode() != 1006);
    }

    @Override
    public boolean supportsPartialMessages() {
        return false;
    }

    private void finish(int code, String reason, boolean clean) {
        boolean report;
        synchronized (this) {
            report = !reported && !closed;
            reported = true;
            closed = true;
        }
        onFinished.accept(this);
        if (report) {
            listener.onClose(code, reason == null ? "" : reason, clean);
        }
    }

    @Override
    public boolean send(String frame) {
        synchronized (this) {
            if (closed || session == null) {
                return false;
            }
        }
        enqueue(frame);
        return true;
    }

    private synchronized void enqueue(String frame) {
        WebSocketSession s = session;
        sends = sends.thenRunAsync(
                () -> {
                    try {
                        s.sendMessage(new TextMessage(frame));
                    } catch (IOException | RuntimeException e) {
                        listener.onError(e);
                    }
                },
                runtime.pool());
    }

    @Override
    public void close() {
        WebSocketSession s;
        CompletableFuture<WebSocketSession> f;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = session;
            f = connecting;
        }
        onFinished.accept(this);
        if (s != null) {
            runtime.pool().execute(() -> closeQuietly(s));
        } else if (f != null) {
            f.cancel(true);
        }
    }

    private static void closeQuietly(WebSocketSession s) {
        try {
            s.close();
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
    }
}
