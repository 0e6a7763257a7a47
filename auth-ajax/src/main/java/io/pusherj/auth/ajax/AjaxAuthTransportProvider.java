package io.pusherj.auth.ajax;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.AuthTransportProvider;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.http.SharedHttpClient;

/** Provides the {@code ajax} auth transport (pusher-js's default). */
public final class AjaxAuthTransportProvider implements AuthTransportProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public AjaxAuthTransportProvider() {}

    @Override
    public String name() {
        return AuthOptions.AJAX;
    }

    @Override
    public AuthTransport create(PusherOptions options, SharedResources resources) {
        return new AjaxAuthTransport(SharedHttpClient.acquire(resources, options));
    }
}
