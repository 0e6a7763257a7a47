package io.pusherj.core.strategy;

import static io.pusherj.api.TransportNames.SOCKJS;
import static io.pusherj.api.TransportNames.WS;
import static io.pusherj.api.TransportNames.WSS;
import static io.pusherj.api.TransportNames.XHR_POLLING;
import static io.pusherj.api.TransportNames.XHR_STREAMING;

import io.pusherj.api.ReconnectBackoff;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.core.runtime.ClientLoop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The default strategy tree of pusher-js ({@code runtimes/isomorphic/default_strategy.ts}, with the web
 * runtime's SockJS fallback from {@code runtimes/web/default_strategy.ts}):
 *
 * <pre>
 * wsLoop, wssLoop, streamingLoop, pollingLoop, sockjsLoop = Sequential([slot], loop 15 s doubling to 60 s)
 * httpLoop         = Sequential([If(streaming supported,
 *                                   BestConnectedEver([streamingLoop, Delayed(pollingLoop, 4 s)]),
 *                                   pollingLoop)], loop)
 * httpFallbackLoop = If(httpLoop supported, httpLoop, sockjsLoop)
 * TLS:   wsStrategy = BestConnectedEver([wsLoop, Delayed(httpFallbackLoop, 2 s)])
 * plain: wsStrategy = BestConnectedEver([wsLoop, Delayed(wssLoop, 2 s), Delayed(httpFallbackLoop, 5 s)])
 * root             = Cached(FirstConnected(If(wsLoop supported, wsStrategy, httpFallbackLoop)), 30 min)
 * </pre>
 *
 * Slots whose module is absent or that the enabled/disabled filters exclude stay in the tree as
 * unsupported strategies, so the tree keeps its shape and lights up when a module is added.
 */
public final class DefaultStrategy {
    /** Delay before HTTP fallbacks start when TLS is used (default_strategy.ts). */
    static final long HTTP_DELAY_TLS = 2_000;
    /** Delay before wss is raced when TLS is not forced. */
    static final long WSS_DELAY = 2_000;
    /** Delay before HTTP fallbacks start when TLS is not forced. */
    static final long HTTP_DELAY_PLAIN = 5_000;
    /** Delay of polling behind streaming. */
    static final long POLLING_DELAY = 4_000;

    private DefaultStrategy() {}

    /**
     * Builds the tree.
     *
     * @param useTLS whether {@code ws} and the HTTP slots use TLS
     * @param context the client's transports, requests, lives, cache, clock and backoff
     * @return the root strategy
     */
    static Strategy build(boolean useTLS, StrategyContext context) {
        ClientLoop loop = context.loop();
        TransportManagers managers = context.managers(useTLS);
        ReconnectBackoff backoff = context.backoff().orElse(null);
        // Only the loop that runs first backs off (a refused attempt retried after 1 s, 1.6 s, ..., jittered
        // budgets): it alone finds a server that is back. The fallbacks racing behind it keep pusher-js's
        // budgets exactly, so an outage costs the server little more than pusher-js's schedule does. A first
        // loop inside the HTTP loop is restarted when the outer budget ends; it keeps its count of refusals.
        var primary = SequentialStrategy.Options.DEFAULT_LOOP.withBackoff(backoff);
        var behind = SequentialStrategy.Options.DEFAULT_LOOP;
        Map<String, Strategy> leaves = new HashMap<>();
        Function<String, Strategy> leaf = name -> leaves.computeIfAbsent(name, n -> {
            Transport transport = context.usableTransport().apply(n);
            return context.leafFactory()
                    .create(
                            n,
                            transport,
                            context.requestFor().apply(n, WSS.equals(n) || useTLS),
                            transport == null ? managers.unusable() : managers.of(n));
        });
        // The first loop: ws; without it streaming (polling races it 4 s later), polling alone, then SockJS.
        boolean wsFirst = leaf.apply(WS).isSupported();
        boolean streamingFirst = !wsFirst && leaf.apply(XHR_STREAMING).isSupported();
        boolean pollingFirst =
                !wsFirst && !streamingFirst && leaf.apply(XHR_POLLING).isSupported();
        boolean sockjsFirst = !wsFirst && !streamingFirst && !pollingFirst;
        Strategy wsLoop = new SequentialStrategy(List.of(leaf.apply(WS)), loop, wsFirst ? primary : behind);
        Strategy wssLoop = new SequentialStrategy(List.of(leaf.apply(WSS)), loop, behind);
        Strategy streamingLoop =
                new SequentialStrategy(List.of(leaf.apply(XHR_STREAMING)), loop, streamingFirst ? primary : behind);
        Strategy pollingLoop =
                new SequentialStrategy(List.of(leaf.apply(XHR_POLLING)), loop, pollingFirst ? primary : behind);
        Strategy sockjsLoop = new SequentialStrategy(List.of(leaf.apply(SOCKJS)), loop, sockjsFirst ? primary : behind);

        Strategy httpLoop = new SequentialStrategy(
                List.of(new IfStrategy(
                        streamingLoop::isSupported,
                        new BestConnectedEverStrategy(
                                List.of(streamingLoop, new DelayedStrategy(pollingLoop, POLLING_DELAY, loop))),
                        pollingLoop)),
                loop,
                behind);
        Strategy httpFallbackLoop = new IfStrategy(httpLoop::isSupported, httpLoop, sockjsLoop);

        Strategy wsStrategy = useTLS
                ? new BestConnectedEverStrategy(
                        List.of(wsLoop, new DelayedStrategy(httpFallbackLoop, HTTP_DELAY_TLS, loop)))
                : new BestConnectedEverStrategy(List.of(
                        wsLoop,
                        new DelayedStrategy(wssLoop, WSS_DELAY, loop),
                        new DelayedStrategy(httpFallbackLoop, HTTP_DELAY_PLAIN, loop)));
        return new CachedStrategy(
                new FirstConnectedStrategy(new IfStrategy(wsLoop::isSupported, wsStrategy, httpFallbackLoop)),
                leaves,
                context.cache(),
                context.cacheKey(useTLS),
                loop);
    }

    /** Makes the leaf strategy of one slot. */
    @FunctionalInterface
    public interface LeafFactory {
        /**
         * @param name the slot name
         * @param transport its transport, or null when unusable
         * @param request the request for the slot
         * @param lives the lives of the slot's transport manager
         * @return the leaf strategy
         */
        Strategy create(String name, Transport transport, TransportRequest request, TransportLives lives);
    }
}
