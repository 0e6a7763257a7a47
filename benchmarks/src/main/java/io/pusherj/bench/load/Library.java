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

    /** The name used on the command line and in the JSON lines. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static void requireWs(String transport) {
        if (!"ws".equals(transport)) {
            throw new UnsupportedMeasureException("only WebSocket is available to this client, not " + transport);
        }
    }
}
