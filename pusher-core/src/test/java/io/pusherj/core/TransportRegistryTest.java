package io.pusherj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.PusherOptions;
import io.pusherj.api.spi.SharedResourcePool;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportContext;
import io.pusherj.api.spi.TransportProvider;
import io.pusherj.testkit.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which provider serves a slot, what a transport is created with, and pusher-js's filters. */
class TransportRegistryTest {
    final List<TransportContext> contexts = new ArrayList<>();

    TransportProvider provider(String... slots) {
        return new TransportProvider() {
            @Override
            public Set<String> transportNames() {
                return Set.of(slots);
            }

            @Override
            public Transport create(TransportContext context) {
                contexts.add(context);
                return new FakeTransport(context.transportName(), 3);
            }
        };
    }

    @Test
    void twoDiscoveredProvidersForOneSlotFailNamingBoth() {
        TransportProvider a = provider("ws", "wss");
        TransportProvider b = provider("ws");
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new TransportRegistry(List.of(), List.of(a, b)));
        assertTrue(e.getMessage().contains("'ws'"), e.getMessage());
        assertTrue(e.getMessage().contains("addTransportProvider"), e.getMessage());
    }

    @Test
    void aProviderGivenInTheOptionsDecidesItsSlotsOverDiscoveredOnes() {
        TransportProvider mine = provider("ws");
        var registry = new TransportRegistry(List.of(mine), List.of(provider("ws", "wss"), provider("ws")));
        var transports = registry.createAllowed(
                PusherOptions.builder().build(),
                new VirtualScheduler(),
                new ClientProviderContext(
                        Optional.empty(), Optional.empty(), Optional.empty(), new SharedResourcePool()));
        assertEquals(Set.of("ws", "wss"), transports.keySet());
        assertEquals(
                List.of("ws", "wss"),
                contexts.stream().map(TransportContext::transportName).toList(),
                "in the Channels docs' order");
    }

    @Test
    void aTransportIsCreatedWithTheEndpointsAndSettingsItNeedsOnly() {
        PusherOptions options = PusherOptions.builder()
                .wsHost("127.0.0.1")
                .wsPort(6001)
                .ignoreNullOrigin(true)
                .build();
        new TransportRegistry(List.of(provider("xhr_streaming")), List.of())
                .createAllowed(
                        options,
                        new VirtualScheduler(),
                        new ClientProviderContext(
                                Optional.empty(), Optional.empty(), Optional.empty(), new SharedResourcePool()));
        TransportContext context = contexts.get(0);
        assertEquals("xhr_streaming", context.transportName());
        assertEquals("127.0.0.1", context.endpoints().httpHost(), "the fallbacks follow a self-hosted wsHost");
        assertEquals(6001, context.endpoints().wsPort());
        assertTrue(context.ignoreNullOrigin());
        assertTrue(context.proxy().isEmpty());
    }

    @Test
    void transportFiltersFollowPusherJs() {
        PusherOptions o = PusherOptions.builder()
                .enabledTransports("ws", "xhr_polling")
                .disabledTransports("xhr_polling")
                .build();
        assertTrue(TransportRegistry.allowed(o, "ws"));
        assertFalse(TransportRegistry.allowed(o, "xhr_polling"));
        assertFalse(TransportRegistry.allowed(o, "wss"));
        Map<String, Transport> made = new TransportRegistry(
                        List.of(provider("ws", "wss"), provider("xhr_polling")), List.of())
                .createAllowed(
                        o,
                        new VirtualScheduler(),
                        new ClientProviderContext(
                                Optional.empty(), Optional.empty(), Optional.empty(), new SharedResourcePool()));
        assertEquals(Set.of("ws"), made.keySet());
    }
}
