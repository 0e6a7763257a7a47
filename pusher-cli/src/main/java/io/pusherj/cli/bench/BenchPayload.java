package io.pusherj.cli.bench;

/**
 * The data of a bench event: which publication of its channel it is and when it was published, padded to
 * the size the run asks for. Plain text, not JSON, so that reading it back costs the bench next to nothing
 * beside the client's own work: {@code "pjb SEQ SENT xxxx…"}, with {@code SEQ} counting the channel's
 * publications from 0 and {@code SENT} the publisher's {@link System#nanoTime()} (the bench publishes and
 * receives in one JVM, so the two clocks are one).
 */
public final class BenchPayload {
    private static final String PREFIX = "pjb ";

    /**
     * The smallest size a payload may have: the prefix, the largest sequence number (19 digits), the
     * longest {@code nanoTime} (20 characters with its sign) and their spaces.
     */
    public static final int MIN_BYTES = PREFIX.length() + 19 + 1 + 20 + 1;

    /** One payload read back. */
    public record Stamp(long seq, long sentNanos) {}

    private BenchPayload() {}

    /**
     * {@return the payload of publication {@code seq}, sent at {@code sentNanos}, exactly {@code bytes} long}
     *
     * @throws IllegalArgumentException if {@code bytes} is below {@link #MIN_BYTES} or {@code seq} negative
     */
    public static String encode(long seq, long sentNanos, int bytes) {
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException("a bench payload is at least " + MIN_BYTES + " bytes, got " + bytes);
        }
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
        StringBuilder b = new StringBuilder(bytes)
                .append(PREFIX)
                .append(seq)
                .append(' ')
                .append(sentNanos)
                .append(' ');
        while (b.length() < bytes) {
            b.append('x');
        }
        return b.toString();
    }

    /** {@return the stamp of {@code data}, or null if it is not a bench payload} */
    public static Stamp decode(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return null;
        }
        int seqEnd = data.indexOf(' ', PREFIX.length());
        int sentEnd = seqEnd < 0 ? -1 : data.indexOf(' ', seqEnd + 1);
        if (sentEnd < 0) {
            return null;
        }
        try {
            long seq = Long.parseLong(data, PREFIX.length(), seqEnd, 10);
            long sent = Long.parseLong(data, seqEnd + 1, sentEnd, 10);
            return seq < 0 ? null : new Stamp(seq, sent);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
