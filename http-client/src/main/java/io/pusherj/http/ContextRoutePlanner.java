package io.pusherj.http;

import io.pusherj.api.spi.ProviderContext;
import java.net.InetAddress;
import java.util.Optional;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Routes an HttpClient's requests as a client's {@link ProviderContext} says: through its proxy, if any, and
 * from its local address, if any. The one place pusherj's HTTP clients (async and classic) learn both, since
 * HttpClient's own {@code setProxy} cannot also set the source address.
 */
public final class ContextRoutePlanner extends DefaultRoutePlanner {
    private final Optional<HttpHost> proxy;
    private final Optional<InetAddress> localAddress;

    /**
     * A planner for the context's proxy and local address.
     *
     * @param context the client's settings
     */
    public ContextRoutePlanner(ProviderContext context) {
        super(DefaultSchemePortResolver.INSTANCE);
        proxy = context.proxy().map(via -> new HttpHost(via.getHostString(), via.getPort()));
        localAddress = context.localAddress();
    }

    // HttpClient's planner contract: null means "no proxy" and "any local address".
    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        return proxy.orElse(null);
    }

    @Override
    protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
        return localAddress.orElse(null);
    }
}
