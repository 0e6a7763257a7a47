package io.pusherj.auth.ajax;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.AuthTransportProvider;
import io.pusherj.api.spi.ProviderContext;
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
    public AuthTransport create(ProviderContext context) {
        return new AjaxAuthTransport(SharedHttpClient.acquire(context));
    }
}
