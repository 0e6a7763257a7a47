package io.pusherj.http;

import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.StatsTransport;
import io.pusherj.api.spi.StatsTransportProvider;

/** Sends stats ({@code enableStats}) over HttpClient 5, shared with the HTTP transports and ajax auth. */
public final class HttpStatsTransportProvider implements StatsTransportProvider {
    @Override
    public StatsTransport create(ProviderContext context) {
        return new HttpStatsTransport(SharedHttpClient.acquire(context));
    }
}
