package io.pusherj.core.stats;

import io.pusherj.api.TimelineEntry;
import io.pusherj.core.protocol.FrameCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's timeline (pusher-js {@code timeline/timeline.ts}): the last {@value #LIMIT} entries, always
 * recorded; the stats sender takes those it has not sent yet. Written on the strand, read from any thread
 * for {@code Connection.timeline()}, hence the (uncontended, never held while calling out) lock.
 */
public final class Timeline {
    /** pusher-js keeps the last 50 entries. */
    public static final int LIMIT = 50;

    /** An idle client keeps four entries; the ring doubles from here up to {@link #LIMIT}. */
    private static final int FIRST_CAPACITY = 4;

    /*
     * The entries kept, oldest at {@code first}, as a ring in three parallel arrays. Each entry's data is its
     * JSON text, or a JsonObject every client shares (see recordShared). A parsed JsonObject of a few fields
     * is a linked hash map with its table, entries and value objects, 300 to 600 bytes; its text is a
     * compact string of 40 to 120. An object per entry holding the three was another 32 bytes each. Every
     * idle client keeps a few entries and a client that has reconnected keeps 50, so this was a tenth of an
     * idle client's heap (BENCHMARKS.md). Entries are parsed again when read, which is rare.
     */
    private long[] timestamps = new long[FIRST_CAPACITY];
    private TimelineEntry.Level[] levels = new TimelineEntry.Level[FIRST_CAPACITY];
    private Object[] data = new Object[FIRST_CAPACITY];
    private int first;
    private int size;
    /** Entries recorded since the last {@link #takeUnsent()}, at most {@link #LIMIT}. */
    private int unsent;

    /** Records an entry and returns it. */
    public TimelineEntry record(long timestamp, TimelineEntry.Level level, JsonObject data) {
        keep(timestamp, level, data.toString());
        return new TimelineEntry(timestamp, level, data);
    }

    /**
     * Records an entry whose data is a constant every client records the same (a state without
     * parameters), kept as it is instead of as a copy of its text.
     */
    public TimelineEntry recordShared(long timestamp, TimelineEntry.Level level, JsonObject constant) {
        keep(timestamp, level, constant);
        return new TimelineEntry(timestamp, level, constant);
    }

    private synchronized void keep(long timestamp, TimelineEntry.Level level, Object kept) {
        int at;
        if (size == LIMIT) {
            at = first; // the oldest goes
            first = (first + 1) % LIMIT;
        } else {
            if (size == data.length) {
                grow();
            }
            at = (first + size) % data.length;
            size++;
        }
        timestamps[at] = timestamp;
        levels[at] = level;
        data[at] = kept;
        unsent = Math.min(unsent + 1, LIMIT);
    }

    /** Doubles the ring (up to {@link #LIMIT}), oldest first again. */
    private void grow() {
        int capacity = Math.min(LIMIT, data.length * 2);
        long[] t = new long[capacity];
        TimelineEntry.Level[] l = new TimelineEntry.Level[capacity];
        Object[] d = new Object[capacity];
        for (int i = 0; i < size; i++) {
            int from = (first + i) % data.length;
            t[i] = timestamps[from];
            l[i] = levels[from];
            d[i] = data[from];
        }
        timestamps = t;
        levels = l;
        data = d;
        first = 0;
    }

    /** The entries kept, oldest first. */
    public List<TimelineEntry> snapshot() {
        return newest(Integer.MAX_VALUE, false);
    }

    /** The entries recorded since the last call (the newest {@value #LIMIT} of them), oldest first. */
    public List<TimelineEntry> takeUnsent() {
        return newest(-1, true);
    }

    /**
     * The newest {@code count} entries kept, oldest first ({@code -1}: the unsent ones); parsed outside the
     * lock.
     */
    private List<TimelineEntry> newest(int count, boolean markSent) {
        long[] t;
        TimelineEntry.Level[] l;
        Object[] d;
        synchronized (this) {
            int n = Math.min(size, count < 0 ? unsent : count);
            t = new long[n];
            l = new TimelineEntry.Level[n];
            d = new Object[n];
            for (int i = 0; i < n; i++) {
                int from = (first + size - n + i) % data.length;
                t[i] = timestamps[from];
                l[i] = levels[from];
                d[i] = data[from];
            }
            if (markSent) {
                unsent = 0;
            }
        }
        List<TimelineEntry> out = new ArrayList<>(d.length);
        for (int i = 0; i < d.length; i++) {
            out.add(new TimelineEntry(t[i], l[i], d[i] instanceof JsonObject shared ? shared : parsed((String) d[i])));
        }
        return List.copyOf(out);
    }

    private static JsonObject parsed(String text) {
        try (JsonReader reader = FrameCodec.json().createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
