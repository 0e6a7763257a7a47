/**
 * Micrometer metrics for pusherj clients: {@link io.pusherj.micrometer.PusherMetrics}, a {@code MeterBinder}
 * built on the public API only. Add it to a service that already reports through Micrometer (Spring Boot,
 * Micronaut, Quarkus, Helidon).
 */
module io.pusherj.micrometer {
    requires transitive io.pusherj.api;
    requires transitive micrometer.core;

    exports io.pusherj.micrometer;
}
