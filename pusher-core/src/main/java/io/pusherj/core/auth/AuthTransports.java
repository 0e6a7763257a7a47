package io.pusherj.core.auth;

import io.pusherj.api.spi.AuthTransport;
import io.pusherj.api.spi.AuthTransportProvider;
import io.pusherj.api.spi.ProviderContext;
import io.pusherj.core.Services;
import java.util.List;
import java.util.TreeSet;

/** The auth transports found with {@link Services}, selected by name. */
public final class AuthTransports {
    private AuthTransports() {}

    private static List<AuthTransportProvider> discovered() {
        return Services.of(AuthTransportProvider.class);
    }

    /**
     * Creates the transport named {@code name} for a client.
     *
     * @throws IllegalArgumentException if no provider has that name, listing the names found and, for
     *     {@code ajax}/{@code jsonp}, the artifact to add
     */
    public static AuthTransport create(String name, ProviderContext client) {
        for (AuthTransportProvider p : discovered()) {
            if (p.name().equals(name)) {
                return p.create(client);
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
