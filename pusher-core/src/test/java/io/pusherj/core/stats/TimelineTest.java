package io.pusherj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.TimelineEntry;
import io.pusherj.core.protocol.FrameCodec;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private final Timeline timeline = new Timeline();

    private void record(int n) {
        timeline.record(
                n,
                TimelineEntry.Level.INFO,
                FrameCodec.json().createObjectBuilder().add("n", n).build());
    }

    private static List<Integer> numbers(List<TimelineEntry> entries) {
        return entries.stream().map(e -> e.data().getInt("n")).toList();
    }

    @Test
    void keepsTheLast50() {
        IntStream.range(0, 60).forEach(this::record);
        assertEquals(IntStream.range(10, 60).boxed().toList(), numbers(timeline.snapshot()));
    }

    @Test
    void aSendTakesOnlyWhatWasRecordedSinceTheLastOneWhileTheSnapshotKeepsEverything() {
        IntStream.range(0, 3).forEach(this::record);
        assertEquals(List.of(0, 1, 2), numbers(timeline.takeUnsent()));
        assertEquals(List.of(), timeline.takeUnsent());
        record(3);
        assertEquals(List.of(3), numbers(timeline.takeUnsent()));
        assertEquals(List.of(0, 1, 2, 3), numbers(timeline.snapshot()));
    }

    @Test
    void unsentEntriesBeyondTheLimitAreTheNewest50() {
        IntStream.range(0, 70).forEach(this::record);
        assertEquals(IntStream.range(20, 70).boxed().toList(), numbers(timeline.takeUnsent()));
    }

    @Test
    void sharedAndCopiedEntriesComeBackInTheOrderRecordedWithTheirTimesAndLevels() {
        var connecting = FrameCodec.json()
                .createObjectBuilder()
                .add("state", "connecting")
                .build();
        timeline.recordShared(5, TimelineEntry.Level.INFO, connecting);
        timeline.record(
                6,
                TimelineEntry.Level.ERROR,
                FrameCodec.json().createObjectBuilder().add("n", 1).build());
        timeline.recordShared(7, TimelineEntry.Level.INFO, connecting);
        List<TimelineEntry> kept = timeline.snapshot();
        assertEquals(
                List.of(5L, 6L, 7L), kept.stream().map(TimelineEntry::timestamp).toList());
        assertEquals(
                List.of(TimelineEntry.Level.INFO, TimelineEntry.Level.ERROR, TimelineEntry.Level.INFO),
                kept.stream().map(TimelineEntry::level).toList());
        assertEquals(
                List.of(
                        connecting,
                        FrameCodec.json().createObjectBuilder().add("n", 1).build(),
                        connecting),
                kept.stream().map(TimelineEntry::data).toList());
    }

    @Test
    void unsentEntriesFollowTheRingAsItGrowsAndWraps() {
        IntStream.range(0, 3).forEach(this::record);
        assertEquals(List.of(0, 1, 2), numbers(timeline.takeUnsent()));
        IntStream.range(3, 13).forEach(this::record); // grows from 4 to 16 entries
        assertEquals(IntStream.range(3, 13).boxed().toList(), numbers(timeline.takeUnsent()));
        IntStream.range(13, 75).forEach(this::record); // full at 50, then the oldest go
        assertEquals(IntStream.range(25, 75).boxed().toList(), numbers(timeline.takeUnsent()));
        IntStream.range(75, 80).forEach(this::record);
        assertEquals(IntStream.range(75, 80).boxed().toList(), numbers(timeline.takeUnsent()));
        assertEquals(IntStream.range(30, 80).boxed().toList(), numbers(timeline.snapshot()));
    }
}
