package io.pusherj.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client remembers the transport that worked, per app key and TLS flag, so the next connection
 * tries it first (pusher-js keeps it in the browser's {@code localStorage} for 30 minutes). By default
 * each client has its own in-memory cache; pass one instance to several clients to share it, or an
 * implementation of your own to keep it across restarts. Must be thread-safe.
 */
public interface TransportCache {
    /**
     * The entry for {@code key}, if any.
     *
     * @param key the cache key (app key and TLS flag)
     * @return the entry, if any
     */
    Optional<CachedTransport> get(String key);

    /**
     * Stores the entry for {@code key}.
     *
     * @param key the cache key (app key and TLS flag)
     * @param value the entry
     */
    void put(String key, CachedTransport value);

    /**
     * Forgets {@code key}.
     *
     * @param key the cache key (app key and TLS flag)
     */
    void remove(String key);

    /**
     * A new, empty, thread-safe in-memory cache. Compact: a client stores at most two entries (one per TLS
     * flag), and an idle client should not pay for a hash table.
     *
     * @return the cache
     */
    static TransportCache inMemory() {
        return new TransportCache() {
            private volatile Map<String, CachedTransport> entries = Map.of();

            @Override
            public Optional<CachedTransport> get(String key) {
                return Optional.ofNullable(entries.get(key));
            }

            @Override
            public synchronized void put(String key, CachedTransport value) {
                Map<String, CachedTransport> next = new HashMap<>(entries);
                next.put(key, value);
                entries = Map.copyOf(next);
            }

            @Override
            public synchronized void remove(String key) {
                if (entries.containsKey(key)) {
                    Map<String, CachedTransport> next = new HashMap<>(entries);
                    next.remove(key);
                    entries = Map.copyOf(next);
                }
            }
        };
    }
}
