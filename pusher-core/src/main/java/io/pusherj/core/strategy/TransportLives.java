package io.pusherj.core.strategy;

/**
 * pusher-js's {@code TransportManager} and its assistant (docs/protocol.md §10.6): a transport loses a life when
 * its connection closes with 1002/1003, or closes uncleanly less than {@code 2 × maxPingDelay} after
 * opening; in that second case the ping delay of later connections drops to
 * {@code max(lifespan / 2, minPingDelay)}. With no lives left the transport is unsupported, so the
 * strategy tree switches (streaming → polling). One instance per slot group and strategy tree.
 */
public final class TransportLives {
    /** pusher-js: the lowest adaptive ping delay. */
    static final long MIN_PING_DELAY = 10_000;

    private final int lives;
    private final long maxPingDelay;
    private int livesLeft;
    private long pingDelay;

    /**
     * Creates a manager.
     *
     * @param lives lives, or {@link Integer#MAX_VALUE} for unlimited (WebSocket since pusher-js 8.2)
     * @param maxPingDelay the client's activity timeout
     */
    public TransportLives(int lives, long maxPingDelay) {
        this.lives = lives;
        this.livesLeft = lives;
        this.maxPingDelay = maxPingDelay;
    }

    /** Whether the transport may still be used. */
    public boolean isAlive() {
        return livesLeft > 0;
    }

    /** The adapted ping delay for new connections, or 0 while none was learned. */
    public long pingDelay() {
        return pingDelay;
    }

    /** Judges a closed connection that had opened at {@code openedAt} (ms on the client's clock). */
    public void closed(int code, boolean wasClean, long openedAt, long now) {
        if (code == 1002 || code == 1003) {
            reportDeath();
        } else if (!wasClean) {
            long lifespan = now - openedAt;
            if (lifespan < 2 * maxPingDelay) {
                reportDeath();
                pingDelay = Math.max(lifespan / 2, MIN_PING_DELAY);
            }
        }
    }

    private void reportDeath() {
        if (lives != Integer.MAX_VALUE) {
            livesLeft--;
        }
    }
}
