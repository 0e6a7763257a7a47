package io.pusherj.api.spi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resources shared by the clients of one runtime (for example one HTTP or WebSocket client per TLS context
 * and proxy), reference-counted per key: the first {@link #acquire} of a key creates, the last
 * {@link Lease#close()} closes. Transports take theirs from {@link TransportContext#resources()}, so threads
 * and pools do not grow with clients. Only the owner (the runtime, or a transport's test) calls
 * {@link #close()}. Thread-safe.
 */
public final class SharedResources {
    private static final System.Logger LOG = System.getLogger(SharedResources.class.getName());

    private final Map<Object, Entry> entries = new HashMap<>();
    private boolean closed;

    private static final class Entry {
        final AutoCloseable resource;
        int users;

        Entry(AutoCloseable resource) {
            this.resource = resource;
        }
    }

    /** Creates an empty set. */
    public SharedResources() {}

    /**
     * A reference to a shared resource; close it exactly once.
     *
     * @param <R> the resource's type
     */
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
     * @param key what the resource is made from; use a type private to your module (a record of the TLS
     *     context and proxy, say): keys of equal value share one resource
     * @param factory creates the resource for the key (called under this set's lock; keep it quick)
     * @param <K> the key's type
     * @param <R> the resource's type
     * @return a lease; close it to give the resource back
     * @throws IllegalStateException if this set is closed
     */
    public <K, R extends AutoCloseable> Lease<R> acquire(K key, Function<? super K, ? extends R> factory) {
        Entry entry;
        synchronized (entries) {
            if (closed) {
                throw new IllegalStateException("these shared resources are closed (their runtime is)");
            }
            entry = entries.computeIfAbsent(key, k -> new Entry(factory.apply(key)));
            entry.users++;
        }
        // A key's type is private to the module that made the entry, which makes one resource type for it.
        @SuppressWarnings("unchecked")
        R resource = (R) entry.resource;
        Entry held = entry;
        return new Lease<>() {
            private boolean released;

            @Override
            public R get() {
                return resource;
            }

            @Override
            public void close() {
                synchronized (entries) {
                    if (released) {
                        return;
                    }
                    released = true;
                    if (--held.users > 0 || !entries.remove(key, held)) {
                        return; // still used, or already closed with the whole set
                    }
                }
                closeQuietly(held.resource);
            }
        };
    }

    /** Closes every resource still leased; later acquisitions fail. Idempotent. */
    public void close() {
        List<Entry> left;
        synchronized (entries) {
            closed = true;
            left = new ArrayList<>(entries.values());
            entries.clear();
        }
        left.forEach(e -> closeQuietly(e.resource));
    }

    /** {@return the number of live resources (for tests and diagnostics)} */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing a shared resource failed", e);
        }
    }
}
