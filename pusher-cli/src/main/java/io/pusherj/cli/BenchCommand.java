package io.pusherj.cli;

import com.sun.management.UnixOperatingSystemMXBean;
import io.pusherj.api.AuthOptions;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.api.ChannelAuthorizer;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.PusherRuntime;
import io.pusherj.cli.bench.BenchPlan;
import io.pusherj.cli.bench.BenchReport;
import io.pusherj.cli.bench.BenchResult;
import io.pusherj.cli.bench.BenchRun;
import io.pusherj.cli.bench.ChannelKind;
import io.pusherj.cli.bench.ProgressLines;
import io.pusherj.server.AuthSignatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: capacity testing for a Pusher-protocol server, as {@code wrk} is for HTTP servers. Opens
 * clients, subscribes them, publishes events through the server's HTTP API and measures what arrives.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Open many clients, publish events through the HTTP API, and measure delivery (reach,"
                + " order, latency) and connects. Bounded in clients and time; stops by itself.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    /** How long Ctrl-C waits for the stopped run to drain, close its clients and write its result. */
    static final long STOP_WAIT_SECONDS = 100;

    /** File descriptors kept for what is not a client's socket: the HTTP API's connections, jars, logs. */
    static final int FD_MARGIN = 16;

    /**
     * IPv4 as four dotted numbers of 0 to 255, or IPv6 (it has a colon, which the JDK parses as a literal and
     * never looks up): anything else could make {@link InetAddress#getByName} ask DNS.
     */
    private static final Pattern IP_LITERAL = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
                    + "|[0-9A-Fa-f:.%]*:[0-9A-Fa-f:.%]*");

    @Option(names = "--app-id", required = true, description = "App id (HTTP API).")
    String appId;

    @Option(
            names = "--secret",
            required = true,
            description = "App secret: signs the HTTP API calls and, without --auth-endpoint, private and"
                    + " presence subscriptions.")
    String secret;

    @Option(names = "--clients", paramLabel = "N", description = "Clients to open (default 100).")
    int clients = 100;

    @Option(
            names = "--ramp",
            paramLabel = "N[/s]",
            converter = PerSecond.class,
            description = "Clients opened per second (default 500).")
    int ramp = 500;

    @Option(
            names = "--channels",
            paramLabel = "N",
            description = "Channels the clients are spread over; 1 (default) puts every client on one channel.")
    int channels = 1;

    @Option(
            names = "--channel-kind",
            paramLabel = "public|private|presence",
            description = "Kind of the channels (default public).")
    String channelKind = "public";

    @Option(
            names = "--api-host",
            paramLabel = "HOST",
            description = "The HTTP API's host (default: --http-host, else --ws-host, else api-CLUSTER.pusher.com).")
    String apiHost;

    @Option(
            names = "--api-port",
            paramLabel = "PORT",
            description = "The HTTP API's port (default: the port that goes with the host used).")
    Integer apiPort;

    @Option(
            names = "--rate",
            paramLabel = "N[/s]",
            converter = PerSecond.class,
            description = "Events published per second (default 10).")
    int rate = 10;

    @Option(names = "--payload", paramLabel = "BYTES", description = "Bytes of data per event (default 64).")
    int payload = 64;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            description = "How long events are published, once the clients are subscribed (default 10).")
    long duration = 10;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Write the result as one JSON document (- for stdout).")
    String json;

    @Option(
            names = "--report",
            paramLabel = "FILE.html",
            description = "Write a self-contained HTML report (charts as inline SVG, nothing loaded from the network).")
    String report;

    @Option(
            names = "--source-addresses",
            split = ",",
            paramLabel = "A,B,...",
            description = "Local addresses the clients connect from, in turn (e.g. loopback aliases 127.0.0.2,"
                    + "127.0.0.3): each holds about 28,000 connections to one server address.")
    List<String> sourceAddresses = List.of();

    @Override
    public Integer call() throws InterruptedException {
        PusherRuntime runtime = PusherRuntime.create();
        try {
            BenchPlan plan;
            PusherOptions options;
            try {
                PusherOptions.Builder b =
                        connection.toBuilder().autoConnect(false).runtime(runtime);
                ChannelKind kind = ChannelKind.parse(channelKind);
                if (kind != ChannelKind.PUBLIC && connection.authEndpoint == null) {
                    b.channelAuthorization(AuthOptions.forChannels()
                            .customHandler(signedLocally(connection.key, secret))
                            .build());
                }
                options = b.build();
                plan = new BenchPlan(
                        clients,
                        ramp,
                        channels,
                        kind,
                        rate,
                        payload,
                        Duration.ofSeconds(duration),
                        apiBase(options, apiHost, apiPort),
                        appId,
                        connection.key,
                        secret,
                        localAddresses(sourceAddresses));
                checkWritable("--json", json);
                checkWritable("--report", report);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter err = spec.commandLine().getErr();
            preloadWhatNeedsFiles();
            fileDescriptorShortfall(clients).ifPresent(err::println);
            sparseChannels(plan).ifPresent(err::println);
            ProgressLines progress = new ProgressLines(err, StatusLine.onTerminal());
            BenchRun run = new BenchRun(plan, options, progress);
            Optional<String> apiProblem = run.preflight();
            if (apiProblem.isPresent()) {
                err.println("bench: " + apiProblem.get() + "; no client was opened");
                return 1;
            }
            // Ctrl-C (or a TERM) stops the run early, and the result of what ran is still written, as wrk does.
            CountDownLatch reported = new CountDownLatch(1);
            Thread onStop = new Thread(
                    () -> {
                        run.stop();
                        try {
                            reported.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "pusherj-bench-stop");
            Runtime.getRuntime().addShutdownHook(onStop);
            try {
                BenchResult result = run.run();
                progress.finish();
                if (result.saturated()) {
                    err.println("bench: WARNING while publishing the bench used "
                            + result.json().get("bench_cpu_percent")
                            + "% of this machine's cores, its busiest thread "
                            + result.json().get("bench_busiest_thread_percent")
                            + "% of one: its figures measure the bench as much as the server. Run it on a bigger machine,"
                            + " or with fewer clients or a lower rate.");
                }
                write(result);
                if (report != null) {
                    String server = (options.forceTLS() ? "wss://" : "ws://")
                            + options.wsHost().orElse("ws-" + options.cluster() + ".pusher.com") + ":"
                            + (options.forceTLS() ? options.wssPort() : options.wsPort()) + ", HTTP API " + plan.api();
                    writeFile(report, BenchReport.html(server, result, run.series(), run.latencies()));
                }
                if (result.json().getJsonNumber("clients_subscribed").longValue() == 0) {
                    err.println("bench: no client subscribed, so nothing was published (see errors)");
                    return 1;
                }
                return 0;
            } finally {
                reported.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onStop);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down: the hook is what is waiting for this result.
                }
            }
        } finally {
            runtime.close();
        }
    }

    /**
     * Parses {@code --source-addresses} as IP literals (no name lookup) and checks each is this machine's by
     * binding a socket to it, so a typo is a flag error, not thousands of failed connects.
     */
    static List<InetAddress> localAddresses(List<String> literals) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            String trimmed = literal.strip();
            if (!IP_LITERAL.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("--source-addresses takes IP addresses, got '" + literal + "'");
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(trimmed); // a literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--source-addresses: '" + literal + "' is not an IP address", e);
            }
            try (Socket probe = new Socket()) {
                probe.bind(new InetSocketAddress(address, 0));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "--source-addresses: " + trimmed + " is not an address of this machine (" + e.getMessage()
                                + ")",
                        e);
            }
            addresses.add(address);
        }
        return addresses;
    }

    /**
     * Loads now, while files can still be opened, what the JDK reads from disk on first use and then never
     * retries: JUL formats its first record with the time zone (tzdb.dat), and TLS starts from the trust
     * store. A run that exhausts its file descriptors before either is loaded leaves the class broken for the
     * rest of the JVM: every log record, every fallback and {@code wss} attempt after it fails.
     */
    private static void preloadWhatNeedsFiles() {
        ZoneId.systemDefault();
        try {
            SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            // No TLS in this JVM: wss and the TLS fallbacks fail on their own, and say why.
        }
    }

    /**
     * {@return a warning when this process may not open a socket per client: the open file limit
     * ({@code ulimit -n}) less what is open now and a margin for the HTTP API, jars and the like}
     */
    static Optional<String> fileDescriptorShortfall(int clients) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)) {
            return Optional.empty();
        }
        long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - FD_MARGIN;
        if (clients <= free) {
            return Optional.empty();
        }
        return Optional.of("bench: WARNING each client needs a socket, and this process may open "
                + unix.getMaxFileDescriptorCount() + " files (" + unix.getOpenFileDescriptorCount()
                + " open): about " + Math.max(0, free) + " of the " + clients
                + " clients can connect. Raise the limit (ulimit -n) or open fewer clients.");
    }

    /**
     * {@return a warning when the run publishes fewer events than there are channels: the channels left
     * without an event count in neither {@code expected} nor {@code received}, so reach says nothing of them}
     */
    static Optional<String> sparseChannels(BenchPlan plan) {
        long events = plan.eventsPerSecond() * plan.duration().toSeconds();
        return events >= plan.channels()
                ? Optional.empty()
                : Optional.of("bench: WARNING --rate " + plan.eventsPerSecond() + " for "
                        + plan.duration().toSeconds()
                        + " s publishes " + events + " events over " + plan.channels()
                        + " channels: at most " + events + " channels get one, and reach covers only their clients.");
    }

    /** Signs private and presence subscriptions with the app secret, as an app server would. */
    private static ChannelAuthorizer signedLocally(String key, String secret) {
        return (socketId, channel) -> {
            if (channel.startsWith("presence-")) {
                String channelData = "{\"user_id\":\"" + socketId + "\"}";
                return CompletableFuture.completedFuture(new ChannelAuthorization(
                        AuthSignatures.presence(key, secret, socketId, channel, channelData),
                        Optional.of(channelData),
                        Optional.empty()));
            }
            return CompletableFuture.completedFuture(
                    ChannelAuthorization.of(AuthSignatures.channel(key, secret, socketId, channel)));
        };
    }

    /**
     * The server's HTTP API: {@code --api-host} if given; else {@code --http-host} (with {@code --http-port}
     * or {@code --https-port}); else the WebSocket host and port (a self-hosted server serves both on one
     * port); else Pusher's {@code api-CLUSTER.pusher.com}. {@code --api-port} replaces the port in every case.
     */
    static URI apiBase(PusherOptions o, String apiHost, Integer apiPort) {
        boolean tls = o.forceTLS();
        String host;
        int port;
        if (apiHost != null) {
            host = apiHost;
            port = tls ? 443 : 80;
        } else if (o.httpHost().isPresent()) {
            host = o.httpHost().get();
            port = tls ? o.httpsPort() : o.httpPort();
        } else if (o.wsHost().isPresent()) {
            host = o.wsHost().get();
            port = tls ? o.wssPort() : o.wsPort();
        } else {
            host = "api-" + o.cluster() + ".pusher.com";
            port = tls ? 443 : 80;
        }
        if (apiPort != null) {
            if (apiPort < 1 || apiPort > 65_535) {
                throw new IllegalArgumentException("--api-port must be between 1 and 65535");
            }
            port = apiPort;
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create((tls ? "https" : "http") + "://" + hostPart + ":" + port);
    }

    /** Refuses an output file that cannot be written before the run, not after it. */
    private static void checkWritable(String flag, String file) {
        if (file == null || "-".equals(file)) {
            return;
        }
        Path path = Path.of(file).toAbsolutePath();
        Path dir = path.getParent();
        boolean ok = Files.exists(path)
                ? Files.isWritable(path) && !Files.isDirectory(path)
                : dir != null && Files.isDirectory(dir) && Files.isWritable(dir);
        if (!ok) {
            throw new IllegalArgumentException(flag + " " + file + " cannot be written");
        }
    }

    private static void writeFile(String file, String text) {
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(BenchResult result) {
        String document = result.json().toString();
        if ("-".equals(json)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(document);
            out.flush();
            return;
        }
        if (json != null) {
            writeFile(json, document + "\n");
        }
        PrintWriter out = spec.commandLine().getOut();
        var r = result.json();
        out.printf(
                "clients %d connected, %d subscribed; published %d, expected %d, received %d (reach %.4f),"
                        + " duplicates %d, out of order %d%n",
                r.getJsonNumber("clients_connected").longValue(),
                r.getJsonNumber("clients_subscribed").longValue(),
                r.getJsonNumber("published").longValue(),
                r.getJsonNumber("expected").longValue(),
                r.getJsonNumber("received").longValue(),
                r.getJsonNumber("reach").doubleValue(),
                r.getJsonNumber("duplicates").longValue(),
                r.getJsonNumber("out_of_order").longValue());
        out.println("latency_ms " + r.get("latency_ms") + "\nconnect_ms " + r.get("connect_ms") + "\nerrors "
                + r.get("errors") + "\nbench_cpu_percent " + r.get("bench_cpu_percent"));
        out.flush();
    }
}
