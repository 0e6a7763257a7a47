package io.pusherj.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The first connect of a fresh JVM that has one library on its class path and nothing else of the harness's
 * (no JSON-P for the official client, no picocli, no Jetty): what an application, a CLI or a serverless
 * function pays at start. Prints one JSON line when connected ({@code in_jvm_connect_ms}: from {@code main}
 * to connected, creating the client included) and halts at once, so class counts stop there. Run by the
 * {@code startup} measure of {@code compare}; one nested class per library keeps the others' classes out.
 */
final class StartupProbe {
    private StartupProbe() {}

    static void run(String[] args, long startNanos, Function<Target, BenchClient> create) throws Exception {
        Target target = new Target(args[0], Integer.parseInt(args[1]), args[2], "", "");
        BenchClient client = create.apply(target);
        client.connect().get(60, TimeUnit.SECONDS);
        double millis = (System.nanoTime() - startNanos) / 1e6;
        // Written by hand: a JSON library would add its classes to the official client's count.
        System.out.println("{\"in_jvm_connect_ms\":" + Math.round(millis * 10) / 10.0 + "}");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** pusherj, ws only. Arguments: host port key. */
    static final class Pusherj {
        public static void main(String[] args) throws Exception {
            run(args, System.nanoTime(), target -> new PusherjClient(target, "ws"));
        }
    }

    /** pusher-java-client. Arguments: host port key. */
    static final class Official {
        public static void main(String[] args) throws Exception {
            run(args, System.nanoTime(), OfficialClient::new);
        }
    }

    /** Bare Tyrus and JSON-P. Arguments: host port key. */
    static final class Floor {
        public static void main(String[] args) throws Exception {
            run(args, System.nanoTime(), FloorClient::new);
        }
    }
}
