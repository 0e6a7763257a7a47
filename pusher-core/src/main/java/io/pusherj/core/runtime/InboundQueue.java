package io.pusherj.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;

/**
 * Frames on their way from transports' I/O threads to a client's listeners, and the bound on them
 * ({@code PusherOptions.maxQueuedInboundChars}). A frame counts from the moment its socket hands it over
 * until the listeners it reached have returned, whether they run on the strand or on the user's callback
 * executor, so a slow listener cannot make either queue grow without bound.
 *
 * <p>Frames are never refused here: {@link #offer} always queues and only says whether the client is still
 * within its limit, because a frame the socket delivered must reach its listeners. The caller stops reading
 * (drops the connection) when it is not.
 */
public final class InboundQueue {
    private static final VarHandle QUEUED_CHARS = Handles.field(MethodHandles.lookup(), "queuedChars", long.class);

    private final Executor handOff;
    private final long limitChars;
    /** Frame text held now; a volatile field added to through a handle (an {@code AtomicLong} is 24 bytes more). */
    private volatile long queuedChars;
    /** The frame the strand is handling now; strand-confined. */
    private QueuedFrame current;

    /**
     * @param handOff    how frames reach the strand (run inline on the I/O thread when the strand is idle)
     * @param limitChars the most frame text held at once
     */
    public InboundQueue(Executor handOff, long limitChars) {
        this.handOff = handOff;
        this.limitChars = limitChars;
    }

    /** A queue without a limit (state machine tests on virtual time). */
    public static InboundQueue unbounded(Executor handOff) {
        return new InboundQueue(handOff, Long.MAX_VALUE);
    }

    /** Where a frame goes on the strand. */
    @FunctionalInterface
    public interface Receiver {
        /** Handles one frame (strand). */
        void receive(String frame);
    }

    /**
     * Queues {@code frame} for {@code receiver} on the strand.
     *
     * @return false when the client now holds more than its limit: the caller should read no more
     */
    public boolean offer(String frame, Receiver receiver) {
        QueuedFrame queued = new QueuedFrame(frame, receiver);
        long held = (long) QUEUED_CHARS.getAndAdd(this, (long) queued.chars) + queued.chars;
        handOff.execute(queued);
        return held <= limitChars;
    }

    /**
     * Keeps the frame being handled on the strand counted until the returned action runs: for callbacks
     * that run later on another executor. Outside a frame's handling it returns an action that does nothing.
     * Strand only.
     */
    public Runnable holdCurrentFrame() {
        QueuedFrame c = current;
        if (c == null) {
            return () -> {};
        }
        int before = (int) QueuedFrame.REFS.getAndAdd(c, 1); // typed: see Handles
        assert before > 0 : "a frame's share held after its release";
        return c::release;
    }

    /** Frame text held now, in chars. */
    public long queuedChars() {
        return queuedChars;
    }

    /** The limit, in chars. */
    public long limitChars() {
        return limitChars;
    }

    /**
     * One frame on its way: the strand task that hands it over, and its share of the queue, returned when
     * its last holder is done. One object per frame: a task lambda, a share and its counter were three.
     */
    private final class QueuedFrame implements Runnable {
        static final VarHandle REFS = Handles.field(MethodHandles.lookup(), "refs", int.class);

        final String frame;
        final Receiver receiver;
        final int chars;
        volatile int refs = 1;

        QueuedFrame(String frame, Receiver receiver) {
            this.frame = frame;
            this.receiver = receiver;
            this.chars = frame.length();
        }

        @Override
        public void run() {
            current = this;
            try {
                receiver.receive(frame);
            } finally {
                current = null;
                release();
            }
        }

        void release() {
            if ((int) REFS.getAndAdd(this, -1) == 1) {
                long before = (long) QUEUED_CHARS.getAndAdd(InboundQueue.this, (long) -chars); // typed: see Handles
                assert before >= chars : "queued chars below zero";
            }
        }
    }
}
