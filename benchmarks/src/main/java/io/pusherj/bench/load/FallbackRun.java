package io.pusherj.bench.load;

import io.pusherj.api.PusherOptions;
import io.pusherj.server.PusherTestServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket refused (HTTP 503 on the upgrade, as a proxy that lets only plain HTTP through): time from
 * {@code connect()} to connected with pusherj's default transports, {@code samples} fresh clients in a
 * row, over TLS (how Channels is used; the HTTP fallback starts 2 s after WebSocket, docs/protocol.md §10.3)
 * and without (it starts after 5 s, once wss had its chance). The first TLS sample also pays for class
 * loading. Runs its own in-process test server, since only it can be told to refuse WebSocket; the
 * figures are wall times, not CPU costs.
 */
final class FallbackRun implements Measure.Run {
    @Override
    public JsonObjectBuilder run(Library library, Target ignored, Settings settings) throws Exception {
        if (library != Library.PUSHERJ) {
            throw new UnsupportedMeasureException("only pusherj has HTTP fallback transports");
        }
        try (PusherTestServer server =
                PusherTestServer.builder().tls(true).subscriptionCount(false).start()) {
            server.faults().blockTransport("ws", true);
            Samples tls = times(server, true, settings.samples(), settings.transport());
            Samples plain = times(server, false, settings.samples(), settings.transport());
            Percentiles p = new Percentiles(tls.millis());
            return Json.createObjectBuilder()
                    .add("samples", settings.samples())
                    .add("tls_first_ms", EventRateRun.round(tls.millis()[0]))
                    .add("tls_median_ms", EventRateRun.round(p.median()))
                    .add("tls_max_ms", EventRateRun.round(p.max()))
                    .add("plain_median_ms", EventRateRun.round(new Percentiles(plain.millis()).median()))
                    .add("connected_over", tls.transport())
                    .add("server", "in-process");
        }
    }

    /** Times to connected, in the order taken, and the transport the last client used. */
    private record Samples(double[] millis, String transport) {}

    private static Samples times(PusherTestServer server, boolean tls, int samples, String transport) throws Exception {
        double[] millis = new double[samples];
        String used = "";
        for (int i = 0; i < samples; i++) {
            PusherOptions.Builder options =
                    PusherjClient.withTransport(server.clientOptions().forceTLS(tls), transport);
            long start = System.nanoTime();
            try (PusherjClient c = new PusherjClient(server.appKey(), options)) {
                c.connect().get(60, TimeUnit.SECONDS);
                millis[i] = OpenRun.millisSince(start);
                used = c.transport();
            }
        }
        return new Samples(millis, used);
    }
}
