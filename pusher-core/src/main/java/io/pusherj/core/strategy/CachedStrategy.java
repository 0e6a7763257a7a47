package io.pusherj.core.strategy;

import io.pusherj.api.CachedTransport;
import io.pusherj.api.TransportCache;
import io.pusherj.api.TransportNames;
import io.pusherj.core.connection.HandshakeResult;
import io.pusherj.core.runtime.ClientLoop;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the transport that worked (pusher-js {@code cached_strategy.ts}, docs/protocol.md §10.5). On connect,
 * a fresh entry for WebSocket (or for an HTTP transport skipped more than 3 times) is tried alone first,
 * failing fast within {@code latency*2+1000} ms; an HTTP entry otherwise only counts a skip, so WebSocket
 * gets another chance through the full strategy. Any failure forgets the entry; any handshake stores one.
 */
public final class CachedStrategy implements Strategy {
    /** pusher-js: entries live 30 minutes. */
    static final long TTL_MILLIS = 1_800_000;
    /** pusher-js: an HTTP transport is tried first only after being skipped more than this many times. */
    static final int MAX_SKIPS = 3;

    private final Strategy strategy;
    private final Map<String, Strategy> transports;
    private final TransportCache cache;
    private final String key;
    private final ClientLoop loop;

    /**
     * Creates the strategy.
     *
     * @param strategy the full strategy
     * @param transports the leaf strategy of every defined slot
     * @param cache where entries live
     * @param key the cache key (app key and TLS flag)
     * @param loop timers and time
     */
    public CachedStrategy(
            Strategy strategy, Map<String, Strategy> transports, TransportCache cache, String key, ClientLoop loop) {
        this.strategy = strategy;
        this.transports = Map.copyOf(transports);
        this.cache = cache;
        this.key = key;
        this.loop = loop;
    }

    @Override
    public boolean isSupported() {
        return strategy.isSupported();
    }

    @Override
    public StrategyRunner connect(int minPriority, StrategyCallback callback) {
        Optional<CachedTransport> info = cache.get(key);
        int skips = info.map(CachedTransport::cacheSkipCount).orElse(0);
        Deque<Strategy> strategies = new ArrayDeque<>(List.of(strategy));
        if (info.isPresent() && info.get().timestampMillis() + TTL_MILLIS >= loop.now()) {
            Strategy cached = transports.get(info.get().transport());
            if (cached != null) {
                String name = info.get().transport();
                if (name.equals(TransportNames.WS) || name.equals(TransportNames.WSS) || skips > MAX_SKIPS) {
                    strategies.push(new SequentialStrategy(
                            List.of(cached),
                            loop,
                            new SequentialStrategy.Options(
                                    false, true, info.get().latencyMillis() * 2 + 1000, 0)));
                } else {
                    skips++;
                }
            }
        }
        return new Run(strategies, minPriority, callback, skips).start();
    }

    private final class Run implements StrategyRunner, StrategyCallback {
        private final Deque<Strategy> strategies;
        private final StrategyCallback callback;
        private final int skips;
        private int minPriority;
        private long started;
        private StrategyRunner runner;

        Run(Deque<Strategy> strategies, int minPriority, StrategyCallback callback, int skips) {
            this.strategies = strategies;
            this.minPriority = minPriority;
            this.callback = callback;
            this.skips = skips;
        }

        Run start() {
            started = loop.now();
            runner = strategies.pop().connect(minPriority, this);
            return this;
        }

        @Override
        public void onFailure() {
            cache.remove(key);
            if (strategies.isEmpty()) {
                callback.onFailure();
            } else {
                start();
            }
        }

        @Override
        public void onHandshake(HandshakeResult result) {
            cache.put(key, new CachedTransport(result.transportName(), loop.now(), loop.now() - started, skips));
            callback.onHandshake(result);
        }

        @Override
        public void abort() {
            runner.abort();
        }

        @Override
        public void forceMinPriority(int p) {
            minPriority = p;
            runner.forceMinPriority(p);
        }

        @Override
        public void retryNow() {
            runner.retryNow();
        }
    }
}
