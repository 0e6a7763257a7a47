package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.Binding;
import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.PrivateChannel;
import io.pusherj.api.Pusher;
import io.pusherj.testkit.ConnectionRecorder;
import jakarta.json.JsonValue;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads calling one client at random — subscribe, unsubscribe, bind, unbind, client events,
 * connect, disconnect, state queries — for a bounded number of calls each. No call throws, no listener
 * fails, nothing deadlocks (a watchdog dumps every thread and fails if no call completes for 10 s), and
 * afterwards the client's channels are exactly those whose last call was a subscribe, and once connected
 * the server has exactly those subscriptions.
 */
class ConcurrencyStressTest extends ServerTest {
    static final int THREADS = 16;
    static final int CALLS_PER_THREAD = 5_000;
    static final long SEED = 20261129L;
    static final String[] CHANNELS = {
        "news", "sport", "weather", "cache-prices", "private-a", "private-b", "private-c", "alerts"
    };

    /** The last subscribe/unsubscribe of each channel; calls on one channel are serialized to know it. */
    private final Boolean[] lastSubscribed = new Boolean[CHANNELS.length];

    private final Object[] channelLocks =
            Arrays.stream(CHANNELS).map(c -> new Object()).toArray();

    @Test
    void randomCallsFromSixteenThreadsLeaveAConsistentClient() throws Exception {
        Pusher p = client(o -> o.authEndpoint(server.authEndpoint().toString()));
        ConnectionRecorder rec = ConnectionRecorder.attach(p.connection());
        List<ConnectionError> listenerErrors = new CopyOnWriteArrayList<>();
        p.connection().onError(e -> {
            if (e.type() == ConnectionError.Type.LISTENER_ERROR) {
                listenerErrors.add(e);
            }
        });
        AtomicLong progress = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(SEED + t);
                workers.add(pool.submit(() -> {
                    ConcurrentLinkedQueue<Binding> mine = new ConcurrentLinkedQueue<>();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        call(p, random, mine);
                        progress.incrementAndGet();
                    }
                    return null;
                }));
            }
            pool.shutdown();
            watch(pool, progress);
            for (Future<?> w : workers) {
                w.get(); // rethrows the first call that threw
            }
        } finally {
            pool.shutdownNow();
        }

        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        Set<String> expected = new TreeSet<>();
        for (int c = 0; c < CHANNELS.length; c++) {
            if (Boolean.TRUE.equals(lastSubscribed[c])) {
                expected.add(CHANNELS[c]);
            }
        }
        assertEquals(expected, p.channels().stream().map(Channel::name).collect(Collectors.toCollection(TreeSet::new)));
        for (String channel : CHANNELS) {
            server.awaitSubscriberCount(channel, expected.contains(channel) ? 1 : 0, WAIT);
        }
        assertTrue(listenerErrors.isEmpty(), listenerErrors::toString);
        assertEquals((long) THREADS * CALLS_PER_THREAD, progress.get());
    }

    private void call(Pusher p, Random random, ConcurrentLinkedQueue<Binding> mine) {
        int c = random.nextInt(CHANNELS.length);
        String name = CHANNELS[c];
        switch (random.nextInt(10)) {
            case 0, 1 -> {
                synchronized (channelLocks[c]) {
                    if (name.startsWith("private-")) {
                        p.subscribePrivate(name);
                    } else {
                        p.subscribe(name);
                    }
                    lastSubscribed[c] = true;
                }
            }
            case 2 -> {
                synchronized (channelLocks[c]) {
                    p.unsubscribe(name);
                    lastSubscribed[c] = false;
                }
            }
            case 3, 4 -> p.channel(name).ifPresent(ch -> mine.add(ch.bind("e" + random.nextInt(3), e -> e.data())));
            case 5 -> {
                Binding b = mine.poll();
                if (b != null) {
                    b.unbind();
                }
            }
            case 6 ->
                p.channel(name)
                        .filter(ch -> ch instanceof PrivateChannel)
                        .ifPresent(ch -> ((PrivateChannel) ch).trigger("client-ping", JsonValue.EMPTY_JSON_OBJECT));
            case 7 -> p.connect();
            case 8 -> {
                if (random.nextInt(4) == 0) {
                    p.disconnect();
                }
            }
            default -> {
                p.connection().state();
                p.connection().socketId();
                p.channels().forEach(Channel::isSubscribed);
            }
        }
    }

    /** Returns when the workers are done; fails with every thread's stack if no call completes for 10 s. */
    private static void watch(ExecutorService pool, AtomicLong progress) throws InterruptedException {
        long last = progress.get();
        while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            long now = progress.get();
            if (now == last) {
                StringBuilder dump = new StringBuilder("no progress for 10 s after " + now + " calls:\n");
                for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                    dump.append(info);
                }
                throw new AssertionError(dump.toString());
            }
            last = now;
        }
    }
}
