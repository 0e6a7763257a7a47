package io.pusherj.api.spi;

import java.util.function.Function;

/**
 * Resources the clients of one runtime share (for example one HTTP or WebSocket client per TLS context,
 * proxy and local address), reference-counted: the first {@link #acquire} of a type and key creates, the last
 * {@link Lease#close()} closes, and closing the runtime closes what is left. Transports take theirs from
 * {@link ProviderContext#resources()}, so threads and pools do not grow with clients. Implemented by
 * pusherj ({@link SharedResourcePool}); thread-safe.
 */
public interface SharedResources {
    /**
     * Takes a reference to the resource of {@code type} made from {@code key}, creating it if needed.
     *
     * @param type the resource's class; resources of different types never share an entry, even for equal
     *     keys
     * @param key what the resource is made from: keys of equal value share one resource of a type (for a
     *     resource made from the TLS context, proxy and local address, {@link ProviderContext#sharedPerTlsAndProxy}
     *     keys it; its name predates the local address)
     * @param factory creates the resource for the key (called under a lock: keep it quick, and never
     *     acquire another shared resource from it)
     * @param <K> the key's type
     * @param <R> the resource's type
     * @return a lease; close it to give the resource back
     * @throws IllegalStateException if the runtime is closed
     */
    <K, R extends AutoCloseable> Lease<R> acquire(Class<R> type, K key, Function<? super K, ? extends R> factory);

    /**
     * A reference to a shared resource; close it exactly once.
     *
     * @param <R> the resource's type
     */
    interface Lease<R> extends AutoCloseable {
        /** {@return the resource} */
        R get();

        /** Drops the reference; the last one closes the resource. Idempotent. */
        @Override
        void close();
    }
}
