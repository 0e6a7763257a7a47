package io.pusherj.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Resources shared per TLS context and proxy: who gets the same one, and what it is made from. */
class ProviderContextTest {
    /** A resource that remembers what it was made from and whether it was closed. */
    static final class Made implements AutoCloseable {
        final Optional<InetSocketAddress> proxy;
        boolean closed;

        Made(ProviderContext context) {
            proxy = context.proxy();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    record Context(Optional<SSLContext> sslContext, Optional<InetSocketAddress> proxy, SharedResources resources)
            implements ProviderContext {}

    record BoundContext(
            Optional<SSLContext> sslContext,
            Optional<InetSocketAddress> proxy,
            Optional<InetAddress> localAddress,
            SharedResources resources)
            implements ProviderContext {}

    final SharedResourcePool pool = new SharedResourcePool();
    final List<Made> made = new ArrayList<>();

    SharedResources.Lease<Made> acquire(Optional<InetSocketAddress> proxy) {
        return new Context(Optional.empty(), proxy, pool).sharedPerTlsAndProxy(Made.class, c -> {
            Made m = new Made(c);
            made.add(m);
            return m;
        });
    }

    @Test
    void contextsWithTheSameTlsContextAndProxyShareOneResourceMadeFromThem() {
        Optional<InetSocketAddress> proxy = Optional.of(InetSocketAddress.createUnresolved("proxy.local", 3128));
        try (var a = acquire(proxy);
                var b = acquire(Optional.of(InetSocketAddress.createUnresolved("proxy.local", 3128)));
                var direct = acquire(Optional.empty())) {
            assertSame(a.get(), b.get(), "an equal proxy, another Optional: the same resource");
            assertNotSame(a.get(), direct.get());
            assertEquals(proxy, a.get().proxy);
            assertEquals(Optional.empty(), direct.get().proxy);
            assertEquals(2, made.size());
        }
        assertEquals(List.of(true, true), made.stream().map(m -> m.closed).toList(), "the last lease closes each");
    }

    @Test
    void contextsWithAnotherLocalAddressGetAResourceOfTheirOwn() throws Exception {
        InetAddress second = InetAddress.getByName("127.0.0.2");
        try (var unbound = acquire(Optional.empty());
                var bound = new BoundContext(Optional.empty(), Optional.empty(), Optional.of(second), pool)
                        .sharedPerTlsAndProxy(Made.class, Made::new);
                var boundAgain = new BoundContext(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(InetAddress.getByName("127.0.0.2")),
                                pool)
                        .sharedPerTlsAndProxy(Made.class, Made::new)) {
            assertNotSame(unbound.get(), bound.get(), "a socket bound elsewhere needs a client bound elsewhere");
            assertSame(bound.get(), boundAgain.get(), "an equal address: the same resource");
        }
    }
}
