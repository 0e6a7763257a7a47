package io.pusherj.api.spi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@link SharedResources} a runtime owns, with what only the owner may do: {@link #close()} closes every
 * resource still leased. pusherj's runtime uses one; so do a transport's own tests, through the testkit's
 * {@code TestTransportContext}. Transports only ever see the {@link SharedResources} side. Thread-safe.
 */
public final class SharedResourcePool implements SharedResources, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SharedResourcePool.class.getName());

    /** What identifies an entry: its resource type as well as its key, so equal keys of two modules differ. */
    /**
     * A map key. Its {@code equals} and {@code hashCode} are written out: a record's generated ones link
     * through {@code ObjectMethods} on first use, about 10 ms of a fresh JVM's first connect.
     */
    private record Slot(Class<?> type, Object key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Slot other && type == other.type && key.equals(other.key);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + key.hashCode();
        }
    }

    private final Map<Slot, Entry> entries = new HashMap<>();
    private boolean closed;

    private static final class Entry {
        final AutoCloseable resource;
        int users;

        Entry(AutoCloseable resource) {
            this.resource = resource;
        }
    }

    /** Creates an empty pool. */
    public SharedResourcePool() {}

    @Override
    public <K, R extends AutoCloseable> Lease<R> acquire(
            Class<R> type, K key, Function<? super K, ? extends R> factory) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(factory, "factory");
        Slot slot = new Slot(type, key);
        Entry entry;
        synchronized (entries) {
            if (closed) {
                throw new IllegalStateException("these shared resources are closed (their runtime is)");
            }
            entry = entries.computeIfAbsent(slot, s -> new Entry(type.cast(factory.apply(key))));
            entry.users++;
        }
        R resource = type.cast(entry.resource);
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
                    if (--held.users > 0 || !entries.remove(slot, held)) {
                        return; // still used, or already closed with the whole set
                    }
                }
                closeQuietly(held.resource);
            }
        };
    }

    /** Closes every resource still leased; later acquisitions fail. Idempotent. */
    @Override
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
