package io.pusherj.core;

import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.PusherRuntime;
import io.pusherj.api.spi.PusherFactory;
import io.pusherj.core.runtime.ClientRuntime;
import java.util.Objects;
import java.util.regex.Pattern;

/** The {@link PusherFactory} that {@link Pusher#create} finds. */
public final class DefaultPusherFactory implements PusherFactory {
    /** Keys go into the URL path: letters, digits and {@code - _ .} only (Pusher keys are hex). */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Used by {@link java.util.ServiceLoader}. */
    public DefaultPusherFactory() {}

    @Override
    public Pusher create(String key, PusherOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "app key must be non-empty letters, digits, '-', '_' or '.', got '" + key + "'");
        }
        return new PusherClient(key, options);
    }

    @Override
    public PusherRuntime createRuntime(int strandThreads, int authThreads) {
        return new ClientRuntime(strandThreads, authThreads);
    }
}
