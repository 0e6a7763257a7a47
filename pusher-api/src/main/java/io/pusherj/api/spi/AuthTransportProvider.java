package io.pusherj.api.spi;

/**
 * Provides an auth transport selected by name ({@code ajax}, {@code jsonp}, or your own), found with
 * {@link java.util.ServiceLoader}. Declare it with {@code provides} and in {@code META-INF/services}.
 */
public interface AuthTransportProvider {
    /** {@return the name users select with {@code authTransport}, e.g. {@code ajax}} */
    String name();

    /**
     * Creates the transport for one client; the client closes it when it is closed.
     *
     * @param context the client's TLS context and proxy, and what its runtime shares (an HTTP client, say)
     * @return the transport
     */
    AuthTransport create(ProviderContext context);
}
