package io.pusherj.api;

import java.util.concurrent.CompletionStage;

/**
 * A custom channel authorizer, replacing the HTTP request (pusher-js {@code channelAuthorization.customHandler}).
 * Asynchronous: return a stage and complete it from any thread. A failed stage (or an
 * {@link AuthException}) becomes a {@code pusher:subscription_error}; so does a {@code null} stage or a
 * stage completed with {@code null}.
 *
 * <p>Threading: called on pusherj's auth pool, a few threads shared by every client of the runtime, never on
 * a client's strand or an I/O thread, so a handler that blocks ({@code completedFuture(callMyBackend())})
 * delays only other auth calls, never connections or events. Still prefer an asynchronous call (an
 * {@code HttpClient.sendAsync}): while every pool thread is blocked, further auth calls wait their turn.
 * The client waits at most {@link AuthOptions#timeout()} for the stage, then fails the subscription.
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
