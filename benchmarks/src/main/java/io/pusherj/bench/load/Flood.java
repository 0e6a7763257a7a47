package io.pusherj.bench.load;

import java.util.Optional;
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

    String channel() {
        return "flood-" + count + "-" + bytes + "-" + tag;
    }

    static Optional<Flood> parse(String channel) {
        Matcher m = NAME.matcher(channel);
        return m.matches() ? Optional.of(new Flood(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)))
                : Optional.empty();
    }

    /** The data of event {@code index}: {@code {"n":0000000042,"p":"xxx…"}}, {@link #bytes} long. */
    String data(int index) {
        StringBuilder b = new StringBuilder(bytes).append(PREFIX);
        String n = Integer.toString(index);
        b.append("0".repeat(DIGITS - n.length())).append(n).append(MIDDLE);
        b.append("x".repeat(bytes - MIN_BYTES)).append(SUFFIX);
        return b.toString();
    }

    /** The index carried by {@code data}, as the receiving side checks order. */
    static int index(String data) {
        return Integer.parseInt(data, PREFIX.length(), PREFIX.length() + DIGITS, 10);
    }
}
