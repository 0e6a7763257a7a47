package io.pusherj.api;

import io.pusherj.api.spi.PusherFactory;
import java.util.ServiceLoader;

/**
 * Finds the implementation behind {@link Pusher#create} once per JVM: a {@link ServiceLoader} lookup scans
 * the class path's service files, which cost more than the rest of creating a client when an application
 * creates a thousand (BENCHMARKS.md). A failed lookup is not remembered, so adding the module later works.
 */
final class Implementation {
    private static volatile PusherFactory found;

    private Implementation() {}

    static PusherFactory factory() {
        PusherFactory f = found;
        if (f == null) {
            f = ServiceLoader.load(PusherFactory.class, Pusher.class.getClassLoader())
                    .findFirst()
                    .or(() -> ServiceLoader.load(PusherFactory.class).findFirst())
                    .orElseThrow(() -> new PusherException(
                            "no pusherj implementation found: add io.pusherj:pusher-core to the class or module path"));
            found = f; // a race only looks it up twice
        }
        return f;
    }
}
