package io.pusherj.bench.load;

import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's flood convention, shared by the feeder and the measures: subscribing to
 * {@code flood-<count>-<bytes>-<tag>} makes the feeder write {@code count} events named {@value #EVENT}
 * (as fast as the client reads them; {@code flood-<count>-<bytes>-r<rate>-<tag>}: {@code rate} a second)
 * whose data is exactly {@code bytes} long and carries its index, then one {@value #DONE_EVENT} event whose
 * data is the nanoseconds the feeder spent writing. The tag tells two floods of the same size apart. When
 * the data has room ({@value #STAMPED_BYTES} bytes or more), its pad starts with the time the feeder built the
 * frame: {@value #STAMP_DIGITS} digits of the system's monotonic clock in nanoseconds (modulo
 * 10<sup>16</sup>), which Java's {@code System.nanoTime} and Node's {@code process.hrtime} read alike on
 * Linux, so a client on the same machine can tell how long an event took to reach it.
 */
record Flood(int count, int bytes, int rate, String tag) {
    static final String EVENT = "tick";
    static final String DONE_EVENT = "flood-done";
    /** Frames the feeder keeps in flight: enough to fill the socket, so the client sets the pace. */
    static final int WINDOW = 256;

    private static final Pattern NAME = Pattern.compile("flood-(\\d+)-(\\d+)(?:-r(\\d+))?-([a-z0-9]+)");
    private static final String PREFIX = "{\"n\":";
    private static final int DIGITS = 10;
    private static final String MIDDLE = ",\"p\":\"";
    private static final String SUFFIX = "\"}";
    /** The shortest data: {@code {"n":}, ten digits, {@code ,"p":"} and {@code "}} with an empty pad. */
    static final int MIN_BYTES = 23;
    /** Digits of the send time at the start of the pad. */
    static final int STAMP_DIGITS = 16;
    /** The shortest data that carries the send time. */
    static final int STAMPED_BYTES = MIN_BYTES + STAMP_DIGITS;

    private static final long STAMP_MODULUS = 10_000_000_000_000_000L;
    /** Where the send time starts in the data. */
    private static final int STAMP_OFFSET = PREFIX.length() + DIGITS + MIDDLE.length();

    Flood {
        if (count < 1 || bytes < MIN_BYTES || rate < 0 || !tag.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("a flood needs at least 1 event of at least " + MIN_BYTES
                    + " bytes, a rate not negative and a tag of lower-case letters and digits");
        }
    }

    // Channel names and the pad need no JSON escaping; the quotes of the data string do.
    private static final String ESCAPED_PREFIX = PREFIX.replace("\"", "\\\"");
    private static final String ESCAPED_MIDDLE = MIDDLE.replace("\"", "\\\"");
    private static final String ESCAPED_SUFFIX = SUFFIX.replace("\"", "\\\"");

    String channel() {
        return "flood-" + count + "-" + bytes + (rate == 0 ? "" : "-r" + rate) + "-" + tag;
    }

    static Optional<Flood> parse(String channel) {
        Matcher m = NAME.matcher(channel);
        return m.matches()
                ? Optional.of(new Flood(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                        m.group(4)))
                : Optional.empty();
    }

    /**
     * The whole event frames, by index, built from a template. Each one's data is
     * {@code {"n":0000000042,"p":"xxx…"}}, {@link #bytes} long, sent as a JSON string (quotes escaped). The feeder
     * writes these; a JSON generator per frame would make it slower than the clients it must outrun.
     */
    IntFunction<String> frames() {
        String head = "{\"event\":\"" + EVENT + "\",\"channel\":\"" + channel() + "\",\"data\":\"" + ESCAPED_PREFIX;
        boolean stamped = bytes >= STAMPED_BYTES;
        String tail = "x".repeat(bytes - MIN_BYTES - (stamped ? STAMP_DIGITS : 0)) + ESCAPED_SUFFIX + "\"}";
        String[] zeros = new String[STAMP_DIGITS + 1];
        for (int z = 0; z <= STAMP_DIGITS; z++) {
            zeros[z] = "0".repeat(z);
        }
        return index -> {
            String n = Integer.toString(index);
            String frame = head + zeros[DIGITS - n.length()] + n + ESCAPED_MIDDLE;
            if (stamped) {
                String t = Long.toString(System.nanoTime() % STAMP_MODULUS);
                frame += zeros[STAMP_DIGITS - t.length()] + t;
            }
            return frame + tail;
        };
    }

    /**
     * The frames in {@link #frames()}'s order, each one built no sooner than its turn at {@link #rate} a second
     * from now (at once when the rate is 0): the feeder then writes them at that pace, in bursts no longer
     * than the thread's wake-up delay.
     */
    IntFunction<String> pacedFrames() {
        IntFunction<String> frames = frames();
        if (rate == 0) {
            return frames;
        }
        long start = System.nanoTime();
        return index -> {
            long due = start + (long) (index * (1e9 / rate));
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            return frames.apply(index);
        };
    }

    /**
     * Nanoseconds since the feeder built the frame that carried {@code data}, by this machine's monotonic
     * clock; -1 when the data is too short to carry the time.
     */
    static long ageNanos(String data) {
        if (data.length() < STAMPED_BYTES) {
            return -1;
        }
        long sent = Long.parseLong(data, STAMP_OFFSET, STAMP_OFFSET + STAMP_DIGITS, 10);
        return Math.floorMod(System.nanoTime() % STAMP_MODULUS - sent, STAMP_MODULUS);
    }

    /** The index carried by {@code data}, as the receiving side checks order. */
    static int index(String data) {
        return Integer.parseInt(data, PREFIX.length(), PREFIX.length() + DIGITS, 10);
    }
}
