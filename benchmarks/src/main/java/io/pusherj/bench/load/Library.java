package io.pusherj.bench.load;

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
