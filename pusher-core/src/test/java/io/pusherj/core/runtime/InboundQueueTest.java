package io.pusherj.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class InboundQueueTest {
    /** A strand that runs nothing until told: frames stay queued, as behind a slow listener. */
    private final Queue<Runnable> strand = new ArrayDeque<>();

    private final InboundQueue queue = new InboundQueue(strand::add, 10);
    private final List<String> handled = new ArrayList<>();

    @Test
    void framesCountUntilHandledAndTheOneCrossingTheLimitIsStillQueued() {
        assertTrue(queue.offer("abcd", handled::add));
        assertTrue(queue.offer("efghij", handled::add)); // exactly 10: within
        assertFalse(queue.offer("k", handled::add)); // 11: over, but queued all the same
        assertEquals(11, queue.queuedChars());
        strand.forEach(Runnable::run);
        assertEquals(List.of("abcd", "efghij", "k"), handled);
        assertEquals(0, queue.queuedChars());
    }

    @Test
    void aFrameWhoseCallbacksWaitElsewhereStaysCountedUntilTheLastOneRan() {
        List<Runnable> later = new ArrayList<>();
        queue.offer("abcdef", f -> {
            later.add(queue.holdCurrentFrame());
            later.add(queue.holdCurrentFrame());
        });
        strand.poll().run();
        assertEquals(6, queue.queuedChars(), "two callbacks still to run on the user's executor");
        later.get(0).run();
        assertEquals(6, queue.queuedChars());
        later.get(1).run();
        assertEquals(0, queue.queuedChars());
        assertTrue(queue.offer("abcdefghij", handled::add), "room again");
    }

    @Test
    void outsideAFrameHoldingCountsNothing() {
        queue.holdCurrentFrame().run();
        assertEquals(0, queue.queuedChars());
    }

    @Test
    void framesHandledInlineAndFramesWhoseReceiverThrowsAreUncountedAfterwards() {
        InboundQueue inline = new InboundQueue(Runnable::run, 10);
        assertTrue(inline.offer("abcd", handled::add));
        assertEquals(0, inline.queuedChars(), "handled during the offer");
        assertThrows(
                IllegalStateException.class,
                () -> inline.offer("efgh", f -> {
                    throw new IllegalStateException("listener bug");
                }));
        assertEquals(0, inline.queuedChars(), "a receiver that throws still returns the frame's share");
        assertTrue(inline.offer("abcdefghij", handled::add), "the whole limit is free again");
    }

    @Test
    void holdsOfSeveralFramesReleasedInAnyOrderReturnEachShareOnce() {
        List<Runnable> later = new ArrayList<>();
        queue.offer("abc", f -> later.add(queue.holdCurrentFrame()));
        queue.offer("defgh", f -> {
            later.add(queue.holdCurrentFrame());
            later.add(queue.holdCurrentFrame());
        });
        strand.forEach(Runnable::run);
        strand.clear();
        assertEquals(8, queue.queuedChars());
        later.get(2).run();
        assertEquals(8, queue.queuedChars(), "the second frame is still held once");
        later.get(0).run();
        assertEquals(5, queue.queuedChars(), "the first frame's share is back");
        later.get(1).run();
        assertEquals(0, queue.queuedChars());
    }
}
