package io.pusherj.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a client remembers the transport that worked, per app key and TLS flag, so the next connection
 * tries it first (pusher-js keeps it in the browser's {@code localStorage} for 30 minutes). By default
 * each client has its own in-memory cache; pass one instance to several clients to share it, or an
 * implementation of your own to keep it across restarts. Must be thread-safe.
 */
public interface TransportCache {
    /** The entry for {@code key}, if any. */
    Optional<CachedTransport> get(String key);

    /** Stores the entry for {@code key}. */
    void put(String key, CachedTransport value);

    /** Forgets {@code key}. */
    void remove(String key);

    /** A new, empty, thread-safe in-memory cache. */
    static TransportCache inMemory() {
        Map<String, CachedTransport> map = new ConcurrentHashMap<>();
        return new TransportCache() {
            @Override
            public Optional<CachedTransport> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void put(String key, CachedTransport value) {
                map.put(key, value);
            }

            @Override
            public void remove(String key) {
                map.remove(key);
            }
        };
    }
}
