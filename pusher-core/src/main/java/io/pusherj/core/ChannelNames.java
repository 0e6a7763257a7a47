package io.pusherj.core;

import java.util.regex.Pattern;

/** Channel name rules (protocol.md §4, §12). */
final class ChannelNames {
    /** pusher-http-node's limit; the docs give 164, self-hosted servers allow 200. */
    static final int MAX_LENGTH = 200;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");

    private ChannelNames() {
    }

    /** Throws {@link IllegalArgumentException} for a name the server would reject. */
    static void validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("channel name must not be empty");
        }
        if (name.startsWith("#")) {
            throw new IllegalArgumentException("channel names starting with '#' are reserved: " + name);
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("channel name longer than " + MAX_LENGTH + " characters: " + name);
        }
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "channel name may only contain A-Z a-z 0-9 _ - = @ , . ; but is: " + name);
        }
    }

    /** Whether the channel needs authorization (private, presence, encrypted). */
    static boolean needsAuthorization(String name) {
        return name.startsWith("private-") || name.startsWith("presence-");
    }
}
