package io.pusherj.bench.load;

import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's flood convention, shared by the feeder and the measures: subscribing to
 * {@code flood-<count>-<bytes>-<tag>} makes the feeder write {@code count} events named {@value #EVENT}
 * whose data is exactly {@code bytes} long and carries its index, then one {@value #DONE_EVENT} event whose
 * data is the nanoseconds the feeder spent writing. The tag tells two floods of the same size apart.
 */
record Flood(int count, int bytes, String tag) {
    static final String EVENT = "tick";
    static final String DONE_EVENT = "flood-done";
    /** Frames the feeder keeps in flight: enough to fill the socket, so the client sets the pace. */
    static final int WINDOW = 256;

    private static final Pattern NAME = Pattern.compile("flood-(\\d+)-(\\d+)-([a-z0-9]+)");
    private static final String PREFIX = "{\"n\":";
    private static final int DIGITS = 10;
    private static final String MIDDLE = ",\"p\":\"";
    private static final String SUFFIX = "\"}";
    /** The shortest data: {@code {"n":}, ten digits, {@code ,"p":"} and {@code "}} with an empty pad. */
    static final int MIN_BYTES = 23;

    Flood {
        if (count < 1 || bytes < MIN_BYTES || !tag.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("a flood needs at least 1 event of at least " + MIN_BYTES
                    + " bytes and a tag of lower-case letters and digits");
        }
    }

    // Channel names and the pad need no JSON escaping; the quotes of the data string do.
    private static final String ESCAPED_PREFIX = PREFIX.replace("\"", "\\\"");
    private static final String ESCAPED_MIDDLE = MIDDLE.replace("\"", "\\\"");
    private static final String ESCAPED_SUFFIX = SUFFIX.replace("\"", "\\\"");

    String channel() {
        return "flood-" + count + "-" + bytes + "-" + tag;
    }

    static Optional<Flood> parse(String channel) {
        Matcher m = NAME.matcher(channel);
        return m.matches()
                ? Optional.of(new Flood(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)))
                : Optional.empty();
    }

    /**
     * The whole event frames, by index, built from a template. Each one's data is
     * {@code {"n":0000000042,"p":"xxx…"}}, {@link #bytes} long, sent as a JSON string (quotes escaped). The feeder
     * writes these; a JSON generator per frame would make it slower than the clients it must outrun.
     */
    IntFunction<String> frames() {
        String head = "{\"event\":\"" + EVENT + "\",\"channel\":\"" + channel() + "\",\"data\":\"" + ESCAPED_PREFIX;
        String tail = ESCAPED_MIDDLE + "x".repeat(bytes - MIN_BYTES) + ESCAPED_SUFFIX + "\"}";
        String[] zeros = new String[DIGITS + 1];
        for (int z = 0; z <= DIGITS; z++) {
            zeros[z] = "0".repeat(z);
        }
        return index -> {
            String n = Integer.toString(index);
            return head + zeros[DIGITS - n.length()] + n + tail;
        };
    }

    /** The index carried by {@code data}, as the receiving side checks order. */
    static int index(String data) {
        return Integer.parseInt(data, PREFIX.length(), PREFIX.length() + DIGITS, 10);
    }
}
