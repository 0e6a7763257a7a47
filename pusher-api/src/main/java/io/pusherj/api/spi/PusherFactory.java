package io.pusherj.api.spi;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.PusherRuntime;

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

    /**
     * Creates a runtime its caller owns, for {@link PusherRuntime#create()}.
     *
     * @param strandThreads the most threads running strands, at least 1
     * @param authThreads the most threads running application auth code, at least 1
     * @return a new runtime
     */
    PusherRuntime createRuntime(int strandThreads, int authThreads);
}
