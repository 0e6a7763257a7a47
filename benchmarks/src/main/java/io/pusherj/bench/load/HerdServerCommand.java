package io.pusherj.bench.load;

import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code herd-server}: the server side of the herd measure, in a process of its own (10,000 clients and
 * their 10,000 server ends do not fit one process's file limit). Prints a ready line, waits for the
 * clients, goes away for {@code --down-ms} (connections dropped, new ones refused), comes back on the same
 * port, publishes a numbered event every {@value #TICK_MILLIS} ms until every client is subscribed again, then one
 * more (the tail), prints the result line (with how many clients were subscribed when each event was
 * published: each of them must get it), and serves until its standard input closes.
 */
@Command(
        name = "herd-server",
        mixinStandardHelpOptions = true,
        description = "Server side of the herd measure: wait for --clients, go away for --down-ms, come back, report.")
final class HerdServerCommand implements Callable<Integer> {
    static final String CHANNEL = "herd";
    static final String EVENT = "tick";
    static final long WINDOW_NANOS = 100_000_000;
    /**
     * How often the server publishes while the clients come back. Not faster: one event to 10,000 clients
     * takes this machine about 200 ms (BENCHMARKS.md, broadcast), so a faster ticker would load the run with
     * its own backlog and measure that instead of the reconnects.
     */
    static final long TICK_MILLIS = 1_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--clients", required = true, description = "How many clients subscribe before the outage.")
    int clients;

    @Option(
            names = "--down-ms",
            defaultValue = "5000",
            description = "How long the server is away (default ${DEFAULT-VALUE}).")
    long downMillis;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        try (PusherTestServer server =
                PusherTestServer.builder().subscriptionCount(false).start()) {
            out.println(Json.createObjectBuilder()
                    .add("herd", "ready")
                    .add("host", server.host())
                    .add("port", server.port())
                    .add("key", server.appKey())
                    .add("app_id", server.appId())
                    .add("secret", server.appSecret())
                    .build());
            out.flush();
            Duration open = Duration.ofSeconds(ClientGroup.openTimeoutSeconds(clients) * 2);
            server.awaitSubscriberCount(CHANNEL, clients, open);

            int before = server.connections().size();
            server.stopAccepting();
            Thread.sleep(downMillis); // the outage, in real time
            long back = System.nanoTime();
            server.startAccepting();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger published = new AtomicInteger();
            List<Integer> expected = Collections.synchronizedList(new ArrayList<>());
            ticker.scheduleAtFixedRate(
                    () -> {
                        expected.add(subscribedSince(server, before)); // each of these must get the event
                        server.publish(CHANNEL, EVENT, Integer.toString(published.getAndIncrement()));
                    },
                    0,
                    TICK_MILLIS,
                    TimeUnit.MILLISECONDS);
            boolean allBack = true;
            try {
                server.awaitSubscriberCount(CHANNEL, clients, open);
            } catch (AssertionError e) {
                allBack = false;
            }
            double allBackMillis = OpenRun.millisSince(back);
            ticker.shutdown();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            int tail = published.get();
            expected.add(subscribedSince(server, before));
            server.publish(CHANNEL, EVENT, Integer.toString(tail)); // every client must get this one

            List<ServerConnection> after =
                    server.connections().subList(before, server.connections().size());
            int[] perWindow = perWindow(after, back);
            int peak = Arrays.stream(perWindow).max().orElse(0);
            double[] openedAfterBack = after.stream()
                    .mapToDouble(c -> (c.openedAtNanos() - back) / 1e6)
                    .toArray();
            Percentiles opened = new Percentiles(openedAfterBack.length > 0 ? openedAfterBack : new double[] {0});
            out.println(Json.createObjectBuilder()
                    .add("herd", "result")
                    .add("down_ms", downMillis)
                    .add("attempts_after_back", after.size())
                    .add("peak_per_100ms", peak)
                    .add("peak_share", OpenRun.round2((double) peak / clients))
                    .add(
                            "attempts_closed_by_then",
                            after.stream()
                                    .filter(c -> c.closeCode().isPresent())
                                    .count())
                    .add("attempt_p50_ms", OpenRun.round2(opened.at(50)))
                    .add("attempt_p90_ms", OpenRun.round2(opened.at(90)))
                    .add("attempt_p99_ms", OpenRun.round2(opened.at(99)))
                    .add("all_resubscribed", allBack)
                    .add("all_resubscribed_ms", OpenRun.round2(allBackMillis))
                    .add("tail", tail)
                    .add("expected_per_event", Json.createArrayBuilder(expected))
                    .build());
            out.flush();
            drain(System.in);
        }
        return 0;
    }

    /** Connections made since the outage that are subscribed: an event published now must reach each. */
    private static int subscribedSince(PusherTestServer server, int before) {
        List<ServerConnection> all = server.connections();
        int n = 0;
        for (ServerConnection c : all.subList(before, all.size())) {
            if (c.isOpen() && c.isSubscribed(CHANNEL)) {
                n++;
            }
        }
        return n;
    }

    /** Connections opened in each 100 ms window after {@code back}. */
    static int[] perWindow(List<ServerConnection> connections, long back) {
        long lastOpen = connections.stream()
                .mapToLong(ServerConnection::openedAtNanos)
                .max()
                .orElse(back);
        int[] counts = new int[(int) Math.max(1, (lastOpen - back) / WINDOW_NANOS + 1)];
        for (ServerConnection c : connections) {
            long t = c.openedAtNanos() - back;
            if (t >= 0) {
                counts[(int) (t / WINDOW_NANOS)]++;
            }
        }
        return counts;
    }

    /** Returns when {@code in} ends: the harness that started this server is done with it. */
    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The parent is gone either way.
        }
    }
}
