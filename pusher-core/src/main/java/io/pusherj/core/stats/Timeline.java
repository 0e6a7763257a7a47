package io.pusherj.core.stats;

import io.pusherj.api.TimelineEntry;
import jakarta.json.JsonObject;
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

    private final Deque<TimelineEntry> entries = new ArrayDeque<>(LIMIT);
    /** Entries recorded since the last {@link #takeUnsent()}, at most {@link #LIMIT}. */
    private int unsent;

    /** Records an entry. */
    public synchronized TimelineEntry record(long timestamp, TimelineEntry.Level level, JsonObject data) {
        TimelineEntry entry = new TimelineEntry(timestamp, level, data);
        if (entries.size() == LIMIT) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        unsent = Math.min(unsent + 1, LIMIT);
        return entry;
    }

    /** The entries kept, oldest first. */
    public synchronized List<TimelineEntry> snapshot() {
        return List.copyOf(entries);
    }

    /** The entries recorded since the last call (the newest {@value #LIMIT} of them), oldest first. */
    public synchronized List<TimelineEntry> takeUnsent() {
        List<TimelineEntry> all = new ArrayList<>(entries);
        List<TimelineEntry> taken = List.copyOf(all.subList(all.size() - unsent, all.size()));
        unsent = 0;
        return taken;
    }
}
