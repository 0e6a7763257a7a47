package io.pusherj.core;

import io.pusherj.api.ChannelAuthorization;

/**
 * A channel that must be authorized before subscribing (private, presence, encrypted): authorized on
 * every subscribe, since the socket id changes with each connection.
 */
abstract class AuthorizedChannel extends ChannelImpl {
    AuthorizedChannel(String name, Host host) {
        super(name, host);
    }

    @Override
    final void authorizeThenSubscribe() {
        host.authorize(name(), (authorization, failure) -> {
            // An object unsubscribed and subscribed again meanwhile hands the result to its successor.
            ChannelImpl target = current();
            if (!target.isSubscriptionPending()) {
                return; // the connection went away meanwhile; the next one subscribes again
            }
            if (failure != null) {
                target.subscriptionFailed(failure);
            } else {
                ((AuthorizedChannel) target).onAuthorized(authorization);
            }
        });
    }

    /** Sends the subscription; kinds that need more from the response check it first. */
    void onAuthorized(ChannelAuthorization authorization) {
        sendSubscribe(authorization);
    }
}
