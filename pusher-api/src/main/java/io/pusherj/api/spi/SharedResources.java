package io.pusherj.api.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reference-counted resources shared by every client with the same key (for example one HTTP or
 * WebSocket client per TLS context and proxy): the first {@link #acquire} creates, the last
 * {@link Lease#close()} closes. Transports use it so threads and pools do not grow with clients and
 * closing the last client releases them. Thread-safe.
 *
 * @param <K> the key (compared with {@code equals})
 * @param <R> the resource
 */
public final class SharedResources<K, R extends AutoCloseable> {
    private final Map<K, Entry<R>> entries = new HashMap<>();
    private final Function<K, R> factory;

    private static final class Entry<R> {
        final R resource;
        int users;

        Entry(R resource) {
            this.resource = resource;
        }
    }

    /**
     * Creates an empty set.
     *
     * @param factory creates the resource for a key (called under this set's lock; keep it quick)
     */
    public SharedResources(Function<K, R> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** A reference to a shared resource; close it exactly once. */
    public interface Lease<R> extends AutoCloseable {
        /** {@return the resource} */
        R get();

        /** Drops the reference; the last one closes the resource. Idempotent. */
        @Override
        void close();
    }

    /**
     * Takes a reference to the resource of {@code key}, creating it if needed.
     *
     * @param key what the resource is made from (for example a TLS context and proxy)
     * @return a lease; close it to give the resource back
     */
    public Lease<R> acquire(K key) {
        Entry<R> entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(key, k -> new Entry<>(factory.apply(k)));
            entry.users++;
        }
        Entry<R> held = entry;
        return new Lease<>() {
            private boolean released;

            @Override
            public R get() {
                return held.resource;
            }

            @Override
            public void close() {
                boolean last;
                synchronized (entries) {
                    if (released) {
                        return;
                    }
                    released = true;
                    last = --held.users == 0;
                    if (last) {
                        entries.remove(key, held);
                    }
                }
                if (last) {
                    try {
                        held.resource.close();
                    } catch (Exception e) {
                        System.getLogger(SharedResources.class.getName())
                                .log(System.Logger.Level.WARNING, "closing a shared resource failed", e);
                    }
                }
            }
        };
    }

    /** {@return the number of live resources (for tests and diagnostics)} */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
