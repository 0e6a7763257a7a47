package io.pusherj.moduletests;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pusherj.api.ConnectionStateChange;
import io.pusherj.api.Pusher;
import io.pusherj.api.TransportNames;
import io.pusherj.micrometer.PusherMetrics;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Prints what pusher-micrometer registers for a client and the first state its
 * {@code connection().states()} publisher signals, on one line: {@code states=connecting meters=…}. Run by
 * {@code DiscoveryTest} on the module path (where the publishers cross from pusher-core into pusher-api's
 * machinery) and on the class path. Connects to nothing: 127.0.0.1:1 refuses.
 */
public final class Observability {
    private Observability() {}

    /**
     * Prints the line on standard output.
     *
     * @param args ignored
     * @throws Exception if the client does not start connecting within 10 s
     */
    public static void main(String[] args) throws Exception {
        report(System.out);
    }

    /** Writes the line to {@code out}, as {@link Discovery#report} does. */
    static void report(PrintStream out) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Pusher pusher = Pusher.create("module-tests", Discovery.unreachable(TransportNames.WS))) {
            new PusherMetrics(pusher).bindTo(registry);
            String meters = registry.getMeters().stream()
                    .map(m -> m.getId().getName())
                    .distinct()
                    .sorted()
                    .collect(Collectors.joining(","));
            CompletableFuture<ConnectionStateChange> first = new CompletableFuture<>();
            pusher.connection().states().subscribe(new Flow.Subscriber<ConnectionStateChange>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(1);
                }

                @Override
                public void onNext(ConnectionStateChange change) {
                    first.complete(change);
                }

                @Override
                public void onError(Throwable t) {
                    first.completeExceptionally(t);
                }

                @Override
                public void onComplete() {}
            });
            pusher.connect();
            out.println("states=" + first.get(10, TimeUnit.SECONDS).current().wireName() + " meters=" + meters);
        }
    }
}
