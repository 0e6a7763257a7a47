package io.pusherj.testkit;

import io.pusherj.api.spi.Endpoints;
import io.pusherj.api.spi.Scheduler;
import io.pusherj.api.spi.SharedResourcePool;
import io.pusherj.api.spi.TransportContext;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A {@link TransportContext} for a transport's own tests, which create it without a client:
 *
 * <pre>{@code
 * Transport t = new MyTransportProvider().create(TestTransportContext.of("ws", server.endpoints()));
 * }</pre>
 *
 * @param transportName the slot
 * @param endpoints where the transport connects
 * @param sslContext the TLS context, if any
 * @param proxy the HTTP proxy, if any
 * @param ignoreNullOrigin whether the HTTP fallbacks send {@code Origin: null}
 * @param scheduler the timer and clock
 * @param resources what the transport shares (close it at the end of the test: it closes what is left)
 */
public record TestTransportContext(
        String transportName,
        Endpoints endpoints,
        Optional<SSLContext> sslContext,
        Optional<InetSocketAddress> proxy,
        boolean ignoreNullOrigin,
        Scheduler scheduler,
        SharedResourcePool resources)
        implements TransportContext {

    /**
     * Checks that nothing is missing.
     *
     * @param transportName the slot
     * @param endpoints where the transport connects
     * @param sslContext the TLS context, if any
     * @param proxy the HTTP proxy, if any
     * @param ignoreNullOrigin whether the HTTP fallbacks send {@code Origin: null}
     * @param scheduler the timer and clock
     * @param resources what the transport shares
     */
    public TestTransportContext {
        Objects.requireNonNull(transportName, "transportName");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(resources, "resources");
    }

    /**
     * A context with no TLS context or proxy of its own, no null origin, virtual time and a fresh set of
     * shared resources.
     *
     * @param transportName the slot
     * @param endpoints where the transport connects
     * @return the context
     */
    public static TestTransportContext of(String transportName, Endpoints endpoints) {
        return new TestTransportContext(
                transportName,
                endpoints,
                Optional.empty(),
                Optional.empty(),
                false,
                new VirtualScheduler(),
                new SharedResourcePool());
    }
}
