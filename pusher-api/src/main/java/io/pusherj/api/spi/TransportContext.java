package io.pusherj.api.spi;

/**
 * What a connection transport is created with: the slot, and the part of the client's settings a transport
 * needs (not the client's whole options: auth, listeners and the like are none of a transport's business).
 * Implemented by pusherj (the client, and the testkit's {@code TestTransportContext}); a transport only
 * reads it, and methods added later come with a default.
 */
public interface TransportContext extends ProviderContext {
    /** {@return the slot the transport serves: {@code ws}, {@code wss}, {@code xhr_streaming}, ...} */
    String transportName();

    /** {@return where the client's transports connect (the URLs themselves come with each request)} */
    Endpoints endpoints();

    /**
     * {@return whether the HTTP fallbacks present a null origin ({@code Origin: null}), the Channels docs'
     * {@code ignoreNullOrigin}}
     */
    boolean ignoreNullOrigin();

    /** {@return the client's timer and clock (virtual in tests): for a transport's own timeouts} */
    Scheduler scheduler();
}
