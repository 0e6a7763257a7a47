package io.pusherj.core;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.TransportNames;
import io.pusherj.api.spi.ProviderContext;
import io.pusherj.api.spi.Scheduler;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportProvider;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The transport providers a client can use: those given in the options first, then those found with
 * {@link Services}. A provider given in the options decides its slots; two discovered providers for one
 * slot are an error naming both (JUnit refuses two engines with one id), since which one wins would
 * depend on the order of the class path.
 */
final class TransportRegistry {
    private static final System.Logger LOG = System.getLogger(TransportRegistry.class.getName());

    private final Map<String, TransportProvider> bySlot = new LinkedHashMap<>();

    TransportRegistry(List<TransportProvider> explicit) {
        this(explicit, discovered());
    }

    /** A registry of these providers: {@code explicit} from the options, {@code discovered} on the path. */
    TransportRegistry(List<TransportProvider> explicit, List<TransportProvider> discovered) {
        for (TransportProvider p : explicit) {
            for (String name : p.transportNames()) {
                bySlot.putIfAbsent(name, p);
            }
        }
        Map<String, TransportProvider> found = new LinkedHashMap<>();
        for (TransportProvider p : discovered) {
            for (String name : p.transportNames()) {
                TransportProvider other = found.putIfAbsent(name, p);
                if (other != null && other != p && !bySlot.containsKey(name)) {
                    throw new IllegalStateException("two transport providers serve '" + name + "': "
                            + other.getClass().getName() + " and "
                            + p.getClass().getName()
                            + "; keep one of their modules on the path, or pass the one to use with"
                            + " PusherOptions.Builder.addTransportProvider");
                }
            }
        }
        found.forEach(bySlot::putIfAbsent);
    }

    private static List<TransportProvider> discovered() {
        List<TransportProvider> found = Services.of(TransportProvider.class);
        LOG.log(
                Level.DEBUG,
                () -> "discovered transport providers: "
                        + found.stream()
                                .map(p -> p.getClass().getName() + p.transportNames())
                                .toList());
        return found;
    }

    /** Slot names with a provider. */
    TreeSet<String> available() {
        return new TreeSet<>(bySlot.keySet());
    }

    /**
     * Creates the transport of every slot that has a provider and that the filters allow. When one fails,
     * those already made are closed before the failure goes on.
     */
    Map<String, Transport> createAllowed(PusherOptions options, Scheduler scheduler, ProviderContext client) {
        Map<String, Transport> transports = new LinkedHashMap<>();
        try {
            for (String name : TransportNames.ALL) {
                TransportProvider p = bySlot.get(name);
                if (p != null && allowed(options, name)) {
                    transports.put(name, p.create(ClientTransportContext.of(name, options, scheduler, client)));
                }
            }
        } catch (RuntimeException | Error e) {
            transports.values().forEach(Transport::close);
            throw e;
        }
        // An immutable copy: the client keeps this map for its lifetime, and a linked hash map holding one
        // transport was 176 bytes of it against 24 (BENCHMARKS.md). Nothing depends on the order.
        return Map.copyOf(transports);
    }

    /** Whether the enabled/disabled filters allow a slot (pusher-js's rule). */
    static boolean allowed(PusherOptions options, String transportName) {
        return options.enabledTransports().map(s -> s.contains(transportName)).orElse(true)
                && !options.disabledTransports().contains(transportName);
    }

    /**
     * Explains slots the user enabled explicitly but whose module is absent, naming the artifact to add;
     * null when there are none.
     */
    String missingEnabledTransports(PusherOptions options) {
        // A loop, not a stream: this runs for every client, and a sorted stream is some thirty classes a fresh
        // JVM loads for its first connect.
        TreeSet<String> missing = new TreeSet<>();
        for (String n : options.enabledTransports().orElse(Set.of())) {
            if (!bySlot.containsKey(n) && allowed(options, n)) {
                missing.add(n);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("enabledTransports names transports whose module is not on the path:");
        for (String n : missing) {
            sb.append(' ')
                    .append(n)
                    .append(" (add ")
                    .append(TransportNames.artifactFor(n))
                    .append(')');
        }
        sb.append("; transports found: ").append(available().isEmpty() ? "none" : String.join(", ", available()));
        return sb.toString();
    }
}
