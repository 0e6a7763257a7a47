package io.pusherj.api.spi;

import io.pusherj.api.PusherOptions;
import java.util.Set;

/**
 * Provides the transports of one or more strategy slots ({@code ws}, {@code wss}, {@code xhr_streaming},
 * {@code xhr_polling}, {@code sockjs}). Found with {@link java.util.ServiceLoader} or passed with
 * {@link PusherOptions.Builder#addTransportProvider}.
 *
 * <p>Implementations must have a public no-argument constructor (class path) or a public static
 * {@code provider()} method (module path), and be thread-safe. {@code docs/writing-a-transport.md} walks
 * through one; the testkit's {@code TransportContract} checks it:
 *
 * <pre>{@code
 * // module-info.java of your transport module
 * module com.example.transport {
 *     requires io.pusherj.api;
 *     provides io.pusherj.api.spi.TransportProvider with com.example.transport.MyTransportProvider;
 * }
 * // plus META-INF/services/io.pusherj.api.spi.TransportProvider naming the same class (class path)
 * }</pre>
 */
public interface TransportProvider {
    /** {@return the slot names this provider serves, e.g. {@code ws} and {@code wss}} */
    Set<String> transportNames();

    /**
     * Creates the transport of one slot for one client. The client closes it when it is closed, so
     * a provider can share heavy resources between clients and release them when the last one goes.
     *
     * @param context the slot (one of {@link #transportNames()}) and what the transport needs of the
     *                client's settings: endpoints, TLS context, proxy, null origin, scheduler
     * @return the transport
     */
    Transport create(TransportContext context);
}
