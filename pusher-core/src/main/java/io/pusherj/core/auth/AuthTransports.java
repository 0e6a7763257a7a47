package io.pusherj.core.auth;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.AuthTransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** The auth transports found with {@link ServiceLoader} (looked up once per JVM), selected by name. */
public final class AuthTransports {
    private static volatile List<AuthTransportProvider> discovered;

    private AuthTransports() {
    }

    private static List<AuthTransportProvider> discovered() {
        List<AuthTransportProvider> d = discovered;
        if (d == null) {
            List<AuthTransportProvider> found = new ArrayList<>();
            ServiceLoader.load(AuthTransportProvider.class, AuthTransports.class.getClassLoader()).forEach(found::add);
            if (found.isEmpty()) {
                ServiceLoader.load(AuthTransportProvider.class).forEach(found::add);
            }
            d = List.copyOf(found);
            discovered = d;
        }
        return d;
    }

    /**
     * Creates the transport named {@code name} for a client.
     *
     * @throws IllegalArgumentException if no provider has that name, listing the names found and, for
     *     {@code ajax}/{@code jsonp}, the artifact to add
     */
    public static AuthTransport create(String name, PusherOptions options) {
        for (AuthTransportProvider p : discovered()) {
            if (p.name().equals(name)) {
                return p.create(options);
            }
        }
        TreeSet<String> names = new TreeSet<>();
        discovered().forEach(p -> names.add(p.name()));
        String hint = switch (name) {
            case "ajax" -> "; add io.pusherj:pusher-auth-ajax";
            case "jsonp" -> "; add io.pusherj:pusher-auth-jsonp";
            default -> "";
        };
        throw new IllegalArgumentException("no auth transport named '" + name + "'" + hint + "; found: "
                + (names.isEmpty() ? "none" : String.join(", ", names)));
    }
}
