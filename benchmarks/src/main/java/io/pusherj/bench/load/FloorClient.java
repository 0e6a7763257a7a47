package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.ThreadPoolConfig;
import org.glassfish.tyrus.container.jdk.client.JdkClientContainer;

/**
 * The floor: a bare Tyrus session with pusherj's container configuration (JDK container, one shared
 * manager, worker pool core 1 max 4, no session idle timeout, blocking connects on four threads) that reads the same
 * frames and parses each once with the same JSON library. No state machine, no channels object, no listeners
 * registry: what any Pusher client on Tyrus and JSON-P must at least spend.
 */
final class FloorClient implements BenchClient {
    private static final ClientManager MANAGER = manager();
    private static final ExecutorService CONNECTS = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "floor-connect");
        t.setDaemon(true);
        return t;
    });
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private final Target target;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Void>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();
    private volatile Session session;

    FloorClient(Target target) {
        this.target = target;
    }

    private static ClientManager manager() {
        ClientManager m = ClientManager.createClient(JdkClientContainer.class.getName());
        m.getProperties()
                .put(
                        ClientProperties.WORKER_THREAD_POOL_CONFIG,
                        ThreadPoolConfig.defaultConfig()
                                .setCorePoolSize(1)
                                .setMaxPoolSize(4)
                                .setDaemon(true));
        m.setDefaultMaxSessionIdleTimeout(-1); // as pusherj's TyrusRuntime: no idle timer per session
        m.setDefaultMaxTextMessageBufferSize(4 * 1024 * 1024); // and the same message size limit
        return m;
    }

    @Override
    public CompletableFuture<Void> connect() {
        CONNECTS.execute(() -> {
            try {
                MANAGER.connectToServer(
                        new Endpoint() {
                            @Override
                            public void onOpen(Session s, EndpointConfig config) {
                                session =
                                        s; // before any frame: connection_established may beat connectToServer's return
                                s.addMessageHandler(
                                        String.class, (MessageHandler.Whole<String>) FloorClient.this::frame);
                            }

                            @Override
                            public void onClose(Session s, CloseReason reason) {
                                connected.completeExceptionally(new IllegalStateException("closed: " + reason));
                            }
                        },
                        ClientEndpointConfig.Builder.create().build(),
                        target.webSocketUri("floor"));
            } catch (Exception e) {
                connected.completeExceptionally(e);
            }
        });
        return connected;
    }

    /** The one parse per frame, then a lookup of the event's handler. */
    private void frame(String text) {
        JsonObject frame;
        try (JsonReader r = JSON.createReader(new StringReader(text))) {
            frame = r.readObject();
        }
        String event = frame.getString("event", "");
        switch (event) {
            case "pusher:connection_established" -> connected.complete(null);
            case "pusher_internal:subscription_succeeded" ->
                subscriptions
                        .getOrDefault(frame.getString("channel", ""), new CompletableFuture<>())
                        .complete(null);
            default -> {
                Consumer<String> handler = handlers.get(event);
                if (handler != null) {
                    JsonValue data = frame.get("data");
                    handler.accept(data instanceof JsonString s ? s.getString() : String.valueOf(data));
                }
            }
        }
    }

    @Override
    public CompletableFuture<Void> subscribe(String channel, Map<String, Consumer<String>> eventHandlers) {
        CompletableFuture<Void> subscribed = subscriptions.computeIfAbsent(channel, c -> new CompletableFuture<>());
        handlers.putAll(eventHandlers);
        connected.thenRun(() -> session.getAsyncRemote()
                .sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}"));
        return subscribed;
    }

    @Override
    public String transport() {
        return "ws";
    }

    @Override
    public void close() {
        Session s = session;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
