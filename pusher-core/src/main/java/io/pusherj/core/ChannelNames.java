package io.pusherj.core;

import io.pusherj.api.Channel;
import io.pusherj.api.EncryptedChannel;
import io.pusherj.api.PresenceChannel;
import io.pusherj.api.PrivateChannel;
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

    /**
     * Throws {@link IllegalArgumentException} when {@code name} is not of the kind a typed subscribe needs
     * ({@code subscribePrivate} takes {@code private-} but not {@code private-encrypted-} names, and so on).
     */
    static void requireKind(String name, Class<? extends Channel> kind) {
        Objects.requireNonNull(name, "channelName");
        String needs;
        boolean fits;
        if (kind == PrivateChannel.class) {
            needs = "subscribePrivate needs a 'private-' channel name (not encrypted)";
            fits = name.startsWith("private-") && !name.startsWith("private-encrypted-");
        } else if (kind == EncryptedChannel.class) {
            needs = "subscribeEncrypted needs a 'private-encrypted-' channel name";
            fits = name.startsWith("private-encrypted-");
        } else if (kind == PresenceChannel.class) {
            needs = "subscribePresence needs a 'presence-' channel name";
            fits = name.startsWith("presence-");
        } else {
            return; // any valid name is a Channel
        }
        if (!fits) {
            throw new IllegalArgumentException(needs + ", got '" + name + "'");
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
