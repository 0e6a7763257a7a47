package io.pusherj.auth.jsonp;

import io.pusherj.api.AuthOptions;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.AuthTransportProvider;
import io.pusherj.api.spi.SharedResources;
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
    public AuthTransport create(PusherOptions options, SharedResources resources) {
        return new JsonpAuthTransport(SharedHttpClient.acquire(resources, options));
    }
}
