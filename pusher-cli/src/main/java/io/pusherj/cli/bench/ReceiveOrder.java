package io.pusherj.cli.bench;

import java.util.Arrays;

/**
 * What one client received on its channel, by publication number ({@link BenchPayload}): how many
 * publications it got, how many it got again, and how many arrived after a later one. Updated on the
 * client's strand, one event at a time; read once the client is closed.
 *
 * <p>{@code received} counts publications, not deliveries: a duplicate does not raise it, so reach
 * (received over expected) cannot pass 1. A publication is told apart from a duplicate for the last
 * {@value #WINDOW} publications; one older than that counts as out of order. The window's bits are made by
 * the first gap: while every publication arrives in order a client keeps three counters and nothing else.
 */
public final class ReceiveOrder {
    /** Publications below the newest whose arrival is remembered. */
    static final int WINDOW = 1024;

    /** One past the newest publication received. */
    private long next;

    private long received;
    private long duplicates;
    private long outOfOrder;
    /** Bit {@code p % WINDOW} is set when publication {@code p} in {@code [next - WINDOW, next)} arrived. */
    private long[] seen;

    /** Publication {@code seq} arrived. */
    public void receive(long seq) {
        if (seq >= next) {
            if (seq > next && seen == null) {
                seen = allArrived(); // the first gap: until now every publication below next arrived
            }
            if (seen != null) {
                for (long p = Math.max(next, seq - WINDOW + 1); p < seq; p++) {
                    clear(p); // the gap: not (yet) arrived
                }
                set(seq);
            }
            next = seq + 1;
            received++;
        } else if (seen == null) {
            duplicates++; // everything below next arrived, in order
        } else if (seq < next - WINDOW) {
            outOfOrder++; // too old to tell: counted as late, once
            received++;
        } else if (isSet(seq)) {
            duplicates++;
        } else {
            set(seq);
            outOfOrder++;
            received++;
        }
    }

    /** {@return publications received, each once} */
    public long received() {
        return received;
    }

    /** {@return publications received again} */
    public long duplicates() {
        return duplicates;
    }

    /** {@return publications received after a later one} */
    public long outOfOrder() {
        return outOfOrder;
    }

    private static long[] allArrived() {
        long[] bits = new long[WINDOW / Long.SIZE];
        Arrays.fill(bits, -1L);
        return bits;
    }

    private void set(long p) {
        int i = (int) (p % WINDOW);
        seen[i >>> 6] |= 1L << (i & 63);
    }

    private void clear(long p) {
        int i = (int) (p % WINDOW);
        seen[i >>> 6] &= ~(1L << (i & 63));
    }

    private boolean isSet(long p) {
        int i = (int) (p % WINDOW);
        return (seen[i >>> 6] & (1L << (i & 63))) != 0;
    }
}
