package io.pusherj.api;

import java.util.concurrent.CompletionStage;

/**
 * A custom channel authorizer, replacing the HTTP request (pusher-js {@code channelAuthorization.customHandler}).
 * Asynchronous: return a stage and complete it from any thread; it is never called on a thread it could
 * block. A failed stage (or an {@link AuthException}) becomes a {@code pusher:subscription_error}.
 */
@FunctionalInterface
public interface ChannelAuthorizer {
    /**
     * Authorizes one subscription.
     *
     * @param socketId the current socket id
     * @param channelName the channel to subscribe to
     * @return the authorization, completed later
     */
    CompletionStage<ChannelAuthorization> authorize(String socketId, String channelName);
}
