/**
 * Service-provider interfaces: transports ({@link io.pusherj.api.spi.TransportProvider}), the timer
 * ({@link io.pusherj.api.spi.Scheduler}) and the client implementation ({@link io.pusherj.api.spi.PusherFactory}).
 *
 * <p>A transport moves text frames and reports what happened to its socket; it never parses Pusher
 * messages. Providers are found with {@link java.util.ServiceLoader}: declare them with {@code provides}
 * in {@code module-info.java} and in {@code META-INF/services} for class-path users.
 */
package io.pusherj.api.spi;
