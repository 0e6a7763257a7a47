package io.pusherj.api.spi;

/**
 * Provides the transport that sends stats when {@code enableStats} is on, found with
 * {@link java.util.ServiceLoader} ({@code pusher-http-client} has one). Without a provider the timeline is
 * still recorded, and a client with stats enabled logs once that it cannot send them.
 */
public interface StatsTransportProvider {
    /**
     * Creates the transport for one client; the client closes it when it is closed.
     *
     * @param context the client's TLS context and proxy, and what its runtime shares (an HTTP client, say)
     * @return the transport
     */
    StatsTransport create(ProviderContext context);
}
