package io.pusherj.cli.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Errors of a run counted by cause ({@code connection:PusherError:4004}, {@code api:503}, …), from any thread. */
public final class ErrorTally {
    private final Map<String, LongAdder> byCause = new ConcurrentHashMap<>();

    /** Counts one error of {@code cause}. */
    public void count(String cause) {
        byCause.computeIfAbsent(cause, c -> new LongAdder()).increment();
    }

    /** {@return the counts so far, by cause in name order} */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        byCause.forEach((cause, n) -> out.put(cause, n.sum()));
        return out;
    }
}
