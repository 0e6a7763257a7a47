package io.pusherj.api.spi;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;

/**
 * Creates clients; implemented by {@code pusher-core} and found by {@link io.pusherj.api.Pusher#create}.
 * Applications never use it directly.
 */
public interface PusherFactory {
    /**
     * Creates a client.
     *
     * @param key the application key, not blank
     * @param options the options
     * @return a new client, connecting if {@link PusherOptions#autoConnect()}
     */
    Pusher create(String key, PusherOptions options);
}
