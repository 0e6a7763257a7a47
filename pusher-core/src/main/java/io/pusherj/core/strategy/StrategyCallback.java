package io.pusherj.core.strategy;

import io.pusherj.core.connection.HandshakeResult;

/** The outcome of a strategy run (pusher-js's {@code callback(error, handshake)}). */
public interface StrategyCallback {
    /** No attempt produced a handshake. */
    void onFailure();

    /** An attempt completed a handshake, successful or not. */
    void onHandshake(HandshakeResult result);
}
