package io.pusherj.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service discovery for the core's SPIs (transports, auth transports, secretbox): looked up once per JVM
 * with pusherj's own class loader (module path and plain class path), falling back to the thread's
 * context class loader (application servers, plugins). Providers are stateless and thread-safe by
 * contract, so one instance each is shared.
 */
public final class Services {
    private static final Map<Class<?>, List<?>> FOUND = new ConcurrentHashMap<>();

    private Services() {}

    /** Every provider of {@code service}, in discovery order. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> of(Class<T> service) {
        return (List<T>) FOUND.computeIfAbsent(service, s -> {
            List<T> found = new ArrayList<>();
            ServiceLoader.load(service, Services.class.getClassLoader()).forEach(found::add);
            if (found.isEmpty()) {
                ServiceLoader.load(service).forEach(found::add);
            }
            return List.copyOf(found);
        });
    }
}
