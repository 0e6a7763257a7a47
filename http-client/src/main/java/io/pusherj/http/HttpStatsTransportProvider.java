package io.pusherj.http;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.SharedResources;
import io.pusherj.api.spi.StatsTransport;
import io.pusherj.api.spi.StatsTransportProvider;

/** Sends stats ({@code enableStats}) over HttpClient 5, shared with the HTTP transports and ajax auth. */
public final class HttpStatsTransportProvider implements StatsTransportProvider {
    @Override
    public StatsTransport create(PusherOptions options, SharedResources resources) {
        return new HttpStatsTransport(SharedHttpClient.acquire(resources, options));
    }
}
