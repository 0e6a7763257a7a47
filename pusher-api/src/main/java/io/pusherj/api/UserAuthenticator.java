package io.pusherj.api;

import java.util.concurrent.CompletionStage;

/**
 * A custom user authenticator for {@link Pusher#signin()} (pusher-js {@code userAuthentication.customHandler}).
 * Asynchronous, and called on the same auth pool, as {@link ChannelAuthorizer} describes.
 */
@FunctionalInterface
public interface UserAuthenticator {
    /**
     * Authenticates the user on this connection.
     *
     * @param socketId the current socket id
     * @return the authentication, completed later
     */
    CompletionStage<UserAuthentication> authenticate(String socketId);
}
