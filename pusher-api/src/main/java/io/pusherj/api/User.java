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
    /** {@return the user id the server confirmed on the current connection; empty until then} */
    Optional<String> id();

    /**
     * Listens to one event sent to this user.
     *
     * @param eventName the event name
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding bind(String eventName, EventListener listener);

    /**
     * Listens to every event sent to this user.
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding bindGlobal(EventListener listener);

    /**
     * Listens to confirmed sign-ins (pusher-js {@code pusher:signin_success}), with the user id.
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onSignin(Consumer<String> listener);

    /**
     * Listens to failed sign-ins (pusher-js {@code pusher:signin_error}).
     *
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding onSigninError(Consumer<AuthError> listener);

    /**
     * Listens to watchlist events: {@code online} and {@code offline}, with data
     * {@code {"name":"online","user_ids":["7"]}}.
     *
     * @param eventName {@code online} or {@code offline}
     * @param listener called one event at a time, in order, on the threads {@link EventListener} describes
     * @return the binding, to remove the listener
     */
    Binding bindWatchlist(String eventName, EventListener listener);
}
