package io.pusherj.bench.load;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pusherj.micrometer.PusherMetrics;
import java.util.Locale;

/** The client libraries (and the floor) the harness can drive. */
enum Library {
    /** pusherj over the transports on the class path (ws by default). */
    PUSHERJ {
        @Override
        BenchClient create(Target target, String transport) {
            return new PusherjClient(target, transport);
        }
    },
    /** pusherj with pusher-js's exact reconnect timing ({@code pusherJsReconnectTiming()}): no backoff, no jitter. */
    PUSHERJ_PUSHERJS_TIMING {
        @Override
        BenchClient create(Target target, String transport) {
            return new PusherjClient(
                    target.key(),
                    PusherjClient.withTransport(PusherjClient.options(target), transport)
                            .pusherJsReconnectTiming());
        }
    },
    /** pusherj with pusher-micrometer's meters bound to a Micrometer registry: what metrics cost per event. */
    PUSHERJ_MICROMETER {
        @Override
        BenchClient create(Target target, String transport) {
            PusherjClient client = new PusherjClient(target, transport);
            new PusherMetrics(client.pusher()).bindTo(REGISTRY);
            return client;
        }
    },
    /** pusher-js 8.6.0 in Node (reconnect measures only: the server counts what it does). */
    PUSHER_JS {
        @Override
        BenchClient create(Target target, String transport) {
            requireWs(transport);
            return new PusherJsClient(target);
        }
    },
    /** {@code com.pusher:pusher-java-client} 2.4.4, the official client (WebSocket only). */
    OFFICIAL {
        @Override
        BenchClient create(Target target, String transport) {
            requireWs(transport);
            return new OfficialClient(target);
        }
    },
    /** A bare Tyrus session parsing each frame once with JSON-P: what any client must at least spend. */
    FLOOR {
        @Override
        BenchClient create(Target target, String transport) {
            requireWs(transport);
            return new FloorClient(target);
        }
    };

    /** One registry for the JVM's clients, as a service has one. */
    private static final MeterRegistry REGISTRY = new SimpleMeterRegistry();

    abstract BenchClient create(Target target, String transport);

    /** The name used on the command line and in the JSON lines: the constant's, e.g. {@code pusher-js}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void requireWs(String transport) {
        if (!"ws".equals(transport)) {
            throw new UnsupportedMeasureException("only WebSocket is available to this client, not " + transport);
        }
    }
}
