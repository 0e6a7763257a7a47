package io.pusherj.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** Channel name rules (docs/protocol.md §4.1, §4.2). */
final class ChannelNames {
    /** pusher-http-node's limit; the docs give 164, self-hosted servers allow 200. */
    static final int MAX_LENGTH = 200;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");

    private ChannelNames() {}

    /** Throws {@link IllegalArgumentException} for a name the server would reject. */
    static void validate(String name) {
        Objects.requireNonNull(name, "channelName");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("channel name must not be empty");
        }
        if (name.startsWith("#")) {
            throw new IllegalArgumentException("channel names starting with '#' are reserved: " + printable(name));
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("channel name longer than " + MAX_LENGTH + " characters: "
                    + printable(name.substring(0, 40)) + "…");
        }
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "channel name may only contain A-Z a-z 0-9 _ - = @ , . ; but is: " + printable(name));
        }
    }

    /** The name as it may appear in a message or log line: control characters shown as escapes, not sent raw. */
    private static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
