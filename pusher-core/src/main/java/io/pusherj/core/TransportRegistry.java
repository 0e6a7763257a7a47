package io.pusherj.core;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.TransportNames;
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
 * {@link Services}.
 */
final class TransportRegistry {
    private static final System.Logger LOG = System.getLogger(TransportRegistry.class.getName());

    private final Map<String, TransportProvider> bySlot = new LinkedHashMap<>();

    TransportRegistry(List<TransportProvider> explicit) {
        for (TransportProvider p : explicit) {
            register(p);
        }
        for (TransportProvider p : discovered()) {
            register(p);
        }
    }

    private void register(TransportProvider p) {
        for (String name : p.transportNames()) {
            bySlot.putIfAbsent(name, p);
        }
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

    /** Creates the transport of every slot that has a provider and that the filters allow. */
    Map<String, Transport> createAllowed(PusherOptions options) {
        Map<String, Transport> transports = new LinkedHashMap<>();
        for (String name : TransportNames.ALL) {
            TransportProvider p = bySlot.get(name);
            if (p != null && options.isTransportAllowed(name)) {
                transports.put(name, p.create(name, options));
            }
        }
        return transports;
    }

    /**
     * Explains slots the user enabled explicitly but whose module is absent, naming the artifact to add;
     * null when there are none.
     */
    String missingEnabledTransports(PusherOptions options) {
        List<String> missing = options.enabledTransports().orElse(Set.of()).stream()
                .filter(n -> !bySlot.containsKey(n) && options.isTransportAllowed(n))
                .sorted()
                .toList();
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
