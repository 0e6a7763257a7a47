package io.pusherj.moduletests;

import io.pusherj.api.ConnectionState;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.TransportNames;
import java.io.PrintStream;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prints, for each transport slot, whether a client allowed only that slot finds a transport for it
 * ({@code present}: it starts connecting) or not ({@code absent}: it fails at once), on one line:
 * {@code ws=present xhr_streaming=absent …}. Run on the module path and on the class path by
 * {@code DiscoveryTest}, with different modules present. Connects to nothing: 127.0.0.1:1 refuses.
 */
public final class Discovery {
    private Discovery() {}

    /** Prints the line on standard output. */
    public static void main(String[] args) throws Exception {
        report(System.out);
    }

    /** Writes the line to {@code out}. */
    static void report(PrintStream out) throws Exception {
        StringJoiner line = new StringJoiner(" ");
        // wss is served by the ws module, and alone it is no strategy: pusher-js only races it behind ws.
        for (String slot : List.of(
                TransportNames.WS, TransportNames.XHR_STREAMING, TransportNames.XHR_POLLING, TransportNames.SOCKJS)) {
            line.add(slot + "=" + (present(slot) ? "present" : "absent"));
        }
        out.println(line);
    }

    private static boolean present(String slot) throws Exception {
        try (Pusher pusher = Pusher.create("module-tests", unreachable(slot))) {
            CompletableFuture<ConnectionState> first = new CompletableFuture<>();
            pusher.connection().onStateChange(change -> first.complete(change.current()));
            pusher.connect();
            return first.get(10, TimeUnit.SECONDS) == ConnectionState.CONNECTING;
        }
    }

    /** Options that allow only {@code slot}, towards 127.0.0.1:1, which refuses. */
    static PusherOptions unreachable(String slot) {
        return PusherOptions.builder()
                .wsHost("127.0.0.1")
                .wsPort(1)
                .wssPort(1)
                .httpHost("127.0.0.1")
                .httpPort(1)
                .httpsPort(1)
                .forceTLS(false)
                .enabledTransports(slot)
                .autoConnect(false)
                .build();
    }
}
