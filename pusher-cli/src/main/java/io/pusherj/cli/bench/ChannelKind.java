package io.pusherj.cli.bench;

import java.util.Locale;

/** The kind of channel a bench subscribes its clients to, by the name prefix Pusher gives each kind. */
public enum ChannelKind {
    /** Anyone may subscribe. */
    PUBLIC(""),
    /** Subscriptions are signed with the app secret. */
    PRIVATE("private-"),
    /** Signed, and every client is a member the others see come and go. */
    PRESENCE("presence-");

    private final String prefix;

    ChannelKind(String prefix) {
        this.prefix = prefix;
    }

    /** {@return the name of the bench's channel number {@code index} of this kind} */
    public String channelName(int index) {
        return prefix + "bench-" + index;
    }

    /** {@return the kind of that name as the command line writes it: public, private or presence} */
    public static ChannelKind parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--channel-kind must be public, private or presence, got '" + name + "'");
        }
    }

    /** {@return the name the command line uses} */
    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
