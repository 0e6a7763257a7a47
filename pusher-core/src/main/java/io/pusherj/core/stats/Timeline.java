package io.pusherj.core.stats;

import io.pusherj.api.TimelineEntry;
import io.pusherj.core.protocol.FrameCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A client's timeline (pusher-js {@code timeline/timeline.ts}): the last {@value #LIMIT} entries, always
 * recorded; the stats sender takes those it has not sent yet. Written on the strand, read from any thread
 * for {@code Connection.timeline()}, hence the (uncontended, never held while calling out) lock.
 */
public final class Timeline {
    /** pusher-js keeps the last 50 entries. */
    public static final int LIMIT = 50;

    /**
     * An entry as kept: its data as JSON text. A parsed {@code JsonObject} of a few fields is a linked hash
     * map with its table, entries and value objects, 300 to 600 bytes; its text is a compact string of 40
     * to 120. Every idle client keeps a few entries and a client that has reconnected keeps 50, so this was
     * a tenth of an idle client's heap (BENCHMARKS.md). Entries are parsed again when read, which is rare.
     */
    private record Kept(long timestamp, TimelineEntry.Level level, String data) {
        TimelineEntry entry() {
            try (JsonReader reader = FrameCodec.json().createReader(new StringReader(data))) {
                return new TimelineEntry(timestamp, level, reader.readObject());
            }
        }
    }

    /** Grows as entries come: sized for {@link #LIMIT} up front, it was 220 bytes for an idle client's few. */
    private final Deque<Kept> entries = new ArrayDeque<>();
    /** Entries recorded since the last {@link #takeUnsent()}, at most {@link #LIMIT}. */
    private int unsent;

    /** Records an entry and returns it. */
    public TimelineEntry record(long timestamp, TimelineEntry.Level level, JsonObject data) {
        TimelineEntry entry = new TimelineEntry(timestamp, level, data);
        Kept kept = new Kept(timestamp, level, data.toString());
        synchronized (this) {
            if (entries.size() == LIMIT) {
                entries.removeFirst();
            }
            entries.addLast(kept);
            unsent = Math.min(unsent + 1, LIMIT);
        }
        return entry;
    }

    /** The entries kept, oldest first. */
    public List<TimelineEntry> snapshot() {
        List<Kept> all;
        synchronized (this) {
            all = new ArrayList<>(entries);
        }
        return parsed(all);
    }

    /** The entries recorded since the last call (the newest {@value #LIMIT} of them), oldest first. */
    public List<TimelineEntry> takeUnsent() {
        List<Kept> taken;
        synchronized (this) {
            List<Kept> all = new ArrayList<>(entries);
            taken = all.subList(all.size() - unsent, all.size());
            unsent = 0;
        }
        return parsed(taken);
    }

    private static List<TimelineEntry> parsed(List<Kept> kept) {
        List<TimelineEntry> out = new ArrayList<>(kept.size());
        for (Kept k : kept) {
            out.add(k.entry());
        }
        return List.copyOf(out);
    }
}
