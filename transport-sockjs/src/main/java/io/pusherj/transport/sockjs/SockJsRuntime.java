package io.pusherj.transport.sockjs;

import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.http.ContextRoutePlanner;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.container.jdk.client.JdkClientContainer;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.sockjs.client.RestTemplateXhrTransport;
import org.springframework.web.socket.sockjs.client.SockJsClient;
import org.springframework.web.socket.sockjs.client.WebSocketTransport;

/**
 * One Spring {@link SockJsClient} per runtime, TLS context and proxy, reference-counted like the other
 * shared clients. Spring's client blocks threads (WebSocket connects, XHR receive loops and sends), so it runs
 * on a pool owned here, whose idle threads end after a minute: SockJS is the last fallback, for
 * environments with neither WebSocket nor the xhr transports.
 */
final class SockJsRuntime implements AutoCloseable {
    private final ClientManager webSockets;
    private final ThreadPoolExecutor pool;
    private final SockJsClient client;
    private final CloseableHttpClient xhrHttp;

    private SockJsRuntime(ProviderContext context) {
        SSLContext sslContext = context.sslContext().orElse(null);
        InetSocketAddress proxy = context.proxy().orElse(null);
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "pusherj-sockjs-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        webSockets = ClientManager.createClient(JdkClientContainer.class.getName());
        webSockets.setDefaultMaxTextMessageBufferSize(Transport.MAX_MESSAGE_BYTES); // else Tyrus buffers any size
        Map<String, Object> p = webSockets.getProperties();
        if (sslContext != null) {
            p.put(ClientProperties.SSL_ENGINE_CONFIGURATOR, new SslEngineConfigurator(sslContext));
        }
        if (proxy != null) {
            p.put(ClientProperties.PROXY_URI, "http://" + proxy.getHostString() + ":" + proxy.getPort());
        }
        context.localAddress().ifPresent(from -> p.put(ClientProperties.SOCKET_BINDING, from));
        StandardWebSocketClient ws = new StandardWebSocketClient(webSockets);
        ws.setTaskExecutor(new TaskExecutorAdapter(pool));

        // Apache HttpClient's classic (blocking) client, not the JDK's: the xhr receive loop blocks in a read
        // until the server sends, and only a connection that can be closed under it (close(IMMEDIATE) below)
        // lets that thread end when the client closes. In the JDK client's response stream it waited for
        // the server's next heartbeat, or for ever.
        var tls = sslContext != null
                ? ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic()
                : ClientTlsStrategyBuilder.create().buildClassic();
        HttpClientBuilder http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .build())
                        .build())
                .setRoutePlanner(new ContextRoutePlanner(context))
                .disableCookieManagement()
                .disableAutomaticRetries();
        xhrHttp = http.build();
        RestTemplateXhrTransport xhr =
                new RestTemplateXhrTransport(new RestTemplate(new HttpComponentsClientHttpRequestFactory(xhrHttp)));
        xhr.setTaskExecutor(new TaskExecutorAdapter(pool));

        client = new SockJsClient(List.of(new WebSocketTransport(ws), xhr));
        client.setMessageCodec(new JsonpMessageCodec());
    }

    static SharedResources.Lease<SockJsRuntime> acquire(TransportContext context) {
        return context.sharedPerTlsAndProxy(SockJsRuntime.class, SockJsRuntime::new);
    }

    SockJsClient client() {
        return client;
    }

    ExecutorService pool() {
        return pool;
    }

    @Override
    public void close() {
        client.stop();
        webSockets.shutdown();
        xhrHttp.close(CloseMode.IMMEDIATE); // ends xhr reads blocked on the server: their threads can finish
        pool.shutdownNow();
    }
}
