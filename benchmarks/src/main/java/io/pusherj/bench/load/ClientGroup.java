package io.pusherj.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/** Many clients of one library, opened at once and closed together. */
final class ClientGroup implements AutoCloseable {
    private final List<BenchClient> clients;

    private ClientGroup(List<BenchClient> clients) {
        this.clients = clients;
    }

    /**
     * Opens {@code n} clients at once, each subscribed to {@code channel} with the handlers
     * {@code handlersOf(i)} gives, and waits until every one is subscribed.
     *
     * @throws IllegalStateException if they are not all subscribed within the time allowed
     */
    static ClientGroup open(
            Library library,
            Target target,
            String transport,
            int n,
            String channel,
            IntFunction<Map<String, Consumer<String>>> handlersOf)
            throws Exception {
        List<BenchClient> clients = new ArrayList<>(n);
        List<CompletableFuture<Void>> ready = new ArrayList<>(n);
        ClientGroup group = new ClientGroup(clients);
        try {
            for (int i = 0; i < n; i++) {
                BenchClient c = library.create(target, transport);
                clients.add(c);
                c.connect();
                ready.add(c.subscribe(channel, handlersOf.apply(i)));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                    .get(openTimeoutSeconds(n), TimeUnit.SECONDS);
            return group;
        } catch (Exception | Error e) {
            long subscribed = ready.stream()
                    .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                    .count();
            group.close();
            throw new IllegalStateException(subscribed + " of " + n + " " + library.label() + " clients subscribed", e);
        }
    }

    /**
     * Opens {@code n} clients {@code batch} at a time, each batch subscribed before the next starts: for
     * runs where opening is not what is measured, and an in-process server should not take 10,000
     * handshakes at once.
     */
    static ClientGroup openInBatches(
            Library library,
            Target target,
            String transport,
            int n,
            int batch,
            String channel,
            IntFunction<Map<String, Consumer<String>>> handlersOf)
            throws Exception {
        List<BenchClient> clients = new ArrayList<>(n);
        ClientGroup group = new ClientGroup(clients);
        try {
            for (int from = 0; from < n; from += batch) {
                List<CompletableFuture<Void>> ready = new ArrayList<>(batch);
                for (int i = from; i < Math.min(n, from + batch); i++) {
                    BenchClient c = library.create(target, transport);
                    clients.add(c);
                    c.connect();
                    ready.add(c.subscribe(channel, handlersOf.apply(i)));
                }
                CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                        .get(openTimeoutSeconds(batch), TimeUnit.SECONDS);
            }
            return group;
        } catch (Exception | Error e) {
            group.close();
            throw new IllegalStateException(
                    "opening " + n + " " + library.label() + " clients in batches of " + batch + " failed after "
                            + clients.size(),
                    e);
        }
    }

    /** A minute, plus 10 ms per client. */
    static long openTimeoutSeconds(int n) {
        return 60 + n / 100;
    }

    int size() {
        return clients.size();
    }

    @Override
    public void close() {
        clients.forEach(BenchClient::close);
    }
}
