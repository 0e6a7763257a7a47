package io.pusherj.core.strategy;

import static io.pusherj.api.TransportNames.WS;
import static io.pusherj.api.TransportNames.WSS;
import static io.pusherj.api.TransportNames.XHR_STREAMING;

import java.util.HashMap;
import java.util.Map;

/**
 * The transport managers of one strategy tree (docs/protocol.md §10.6): ws and wss share unlimited lives,
 * xhr_streaming has {@value #STREAMING_LIVES}, every other slot unlimited lives of its own. A client keeps
 * them while it rebuilds the tree for each connection attempt (the tree itself is dropped once
 * connected, BENCHMARKS.md), so lives lost and ping delays learned carry over to later attempts exactly
 * as with pusher-js's one long-lived tree. Strand only.
 */
public final class TransportManagers {
    /** pusher-js: xhr_streaming's transport manager has two lives. */
    static final int STREAMING_LIVES = 2;

    private final long maxPingDelay;
    // Made by the first tree of this TLS flag (a client builds trees of one flag only, unless forceTLS is
    // off and it falls back), and then each slot's lives on first use: most clients use one transport.
    private Map<String, TransportLives> lives;

    /**
     * Creates the managers of a tree.
     *
     * @param maxPingDelay the client's activity timeout (the managers' maximum ping delay)
     */
    public TransportManagers(long maxPingDelay) {
        this.maxPingDelay = maxPingDelay;
    }

    /** The lives of a slot's transport. */
    public TransportLives of(String slot) {
        String manager = slot.equals(WSS) ? WS : slot;
        if (lives == null) {
            lives = new HashMap<>(4);
        }
        return lives.computeIfAbsent(
                manager,
                m -> new TransportLives(m.equals(XHR_STREAMING) ? STREAMING_LIVES : Integer.MAX_VALUE, maxPingDelay));
    }

    /** Lives for a slot without a usable transport: never consulted, kept only as long as its tree. */
    public TransportLives unusable() {
        return new TransportLives(0, maxPingDelay);
    }
}
