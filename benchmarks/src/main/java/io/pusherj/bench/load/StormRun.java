package io.pusherj.bench.load;

import io.pusherj.server.PusherTestServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server that shuts down gracefully and restarts, as soketi does: for {@value #CLOSING_MILLIS} ms it
 * accepts every new connection and closes it at once with 4200 ("Server is closing"), then it is gone
 * (connections refused) for {@value #DOWN_MILLIS} ms, then back. Measured at the server, so every library
 * is measured alike: the connection attempts during the closing window, and the time from the server
 * being back to the client's subscription being answered again. {@code samples} rounds, a fresh client
 * each. Runs its own in-process test server, since only it can be told to close and restart; wall times.
 */
final class StormRun implements Measure.Run {
    static final String CHANNEL = "storm";
    static final long CLOSING_MILLIS = 5_000;
    static final long DOWN_MILLIS = 2_000;
    /** A client not back after this long is counted as not back (the official client gives up). */
    static final long BACK_WAIT_SECONDS = 120;

    @Override
    public JsonObjectBuilder run(Library library, Target ignored, Settings settings) throws Exception {
        int samples = settings.samples();
        double[] attempts = new double[samples];
        double[] backMillis = new double[samples];
        int notBack = 0;
        try (PusherTestServer server =
                PusherTestServer.builder().subscriptionCount(false).start()) {
            Target target =
                    new Target(server.host(), server.port(), server.appKey(), server.appId(), server.appSecret());
            for (int i = 0; i < samples; i++) {
                try (BenchClient client = library.create(target, settings.transport())) {
                    client.connect();
                    client.subscribe(CHANNEL, Map.of()).get(60, TimeUnit.SECONDS);
                    server.awaitSubscriberCount(CHANNEL, 1, Duration.ofSeconds(10));

                    int before = server.connections().size();
                    server.faults().failHandshakes(4200); // graceful shutdown: accept, close at once
                    server.closeAll(4200, "Server is closing");
                    Thread.sleep(CLOSING_MILLIS); // the scenario's window, in real time
                    attempts[i] = server.connections().size() - before;

                    server.stopAccepting(); // the server process is gone
                    Thread.sleep(DOWN_MILLIS);
                    server.faults().normalHandshakes();
                    long back = System.nanoTime();
                    server.startAccepting();
                    try {
                        server.awaitSubscriberCount(CHANNEL, 1, Duration.ofSeconds(BACK_WAIT_SECONDS));
                        backMillis[i] = OpenRun.millisSince(back);
                    } catch (AssertionError e) {
                        backMillis[i] = BACK_WAIT_SECONDS * 1000.0;
                        notBack++;
                    }
                }
                server.awaitSubscriberCount(CHANNEL, 0, Duration.ofSeconds(10));
            }
        }
        Percentiles a = new Percentiles(attempts);
        Percentiles b = new Percentiles(backMillis);
        return Json.createObjectBuilder()
                .add("samples", samples)
                .add("closing_window_ms", CLOSING_MILLIS)
                .add("down_ms", DOWN_MILLIS)
                .add("attempts_in_window_median", a.median())
                .add("attempts_in_window_max", a.max())
                .add("back_to_subscribed_p50_ms", OpenRun.round2(b.at(50)))
                .add("back_to_subscribed_p99_ms", OpenRun.round2(b.at(99)))
                .add("not_back_within_" + BACK_WAIT_SECONDS + "_s", notBack)
                .add("server", "in-process");
    }
}
