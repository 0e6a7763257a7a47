package io.pusherj.auth.jsonp;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.AuthTransportProvider;
import io.pusherj.api.spi.ProviderContext;
import io.pusherj.http.SharedHttpClient;

/** Provides the {@code jsonp} auth transport. */
public final class JsonpAuthTransportProvider implements AuthTransportProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public JsonpAuthTransportProvider() {}

    @Override
    public String name() {
        return AuthOptions.JSONP;
    }

    @Override
    public AuthTransport create(ProviderContext context) {
        return new JsonpAuthTransport(SharedHttpClient.acquire(context));
    }
}
