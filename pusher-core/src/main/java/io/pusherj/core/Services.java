package io.pusherj.core;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service discovery for the core's SPIs (transports, auth transports, secretbox, stats): looked up with
 * pusherj's own class loader (module path and plain class path), falling back to the thread's context
 * class loader (application servers, plugins). Providers are stateless and thread-safe by contract, so one
 * instance each is shared. A provider that cannot be loaded or instantiated is reported and skipped
 * (SLF4J does the same), so one broken jar does not fail every client. What was found is kept for the
 * JVM's life; finding nothing is not kept, so a module added later (a plugin's class loader) is still
 * found, as {@code Pusher.create} finds a core added later.
 */
public final class Services {
    private static final System.Logger LOG = System.getLogger(Services.class.getName());
    private static final Map<Class<?>, List<?>> FOUND = new ConcurrentHashMap<>();
    /** Bad entries skipped in one lookup before giving up on the rest (a loader that keeps failing). */
    private static final int MAX_BROKEN = 100;

    private Services() {}

    /** Every provider of {@code service} that loads, in discovery order. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> of(Class<T> service) {
        List<T> cached = (List<T>) FOUND.get(service);
        if (cached != null) {
            return cached;
        }
        List<T> own = load(ServiceLoader.load(service, Services.class.getClassLoader()), service);
        List<T> found = own.isEmpty() ? load(ServiceLoader.load(service), service) : own;
        if (found.isEmpty()) {
            return List.of();
        }
        return (List<T>) FOUND.computeIfAbsent(service, s -> List.copyOf(found));
    }

    private static <T> List<T> load(ServiceLoader<T> loader, Class<T> service) {
        List<T> found = new ArrayList<>();
        Iterator<T> it = loader.iterator();
        for (int broken = 0; broken < MAX_BROKEN; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                broken++;
                LOG.log(Level.WARNING, "a " + service.getSimpleName() + " provider could not be loaded; skipped", e);
            }
        }
        return found;
    }
}
