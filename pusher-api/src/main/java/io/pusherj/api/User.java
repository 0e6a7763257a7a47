package io.pusherj.api;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The signed-in user of a client (pusher-js {@code pusher.user}): {@link Pusher#signin()} authenticates
 * on every connection; once the server confirms, events sent to this user ({@code #server-to-user-ID})
 * and watchlist events arrive here. Everything is cleared when the connection goes and redone on the
 * next one.
 */
public interface User {
    /** The user id the server confirmed on the current connection; empty until then. */
    Optional<String> id();

    /** Listens to one event sent to this user. */
    Binding bind(String eventName, EventListener listener);

    /** Listens to every event sent to this user. */
    Binding bindGlobal(EventListener listener);

    /** Listens to confirmed sign-ins (pusher-js {@code pusher:signin_success}), with the user id. */
    Binding onSignin(Consumer<String> listener);

    /** Listens to failed sign-ins (pusher-js {@code pusher:signin_error}). */
    Binding onSigninError(Consumer<AuthError> listener);

    /**
     * Listens to watchlist events: {@code online} and {@code offline}, with data
     * {@code {"name":"online","user_ids":["7"]}}.
     */
    Binding bindWatchlist(String eventName, EventListener listener);
}
