package io.pusherj.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One subscription, from the application's subscribe (or the resubscribe after a reconnect) to the server's
 * answer, authorization included. Made when it starts and committed, from the client's strand, when it ends.
 */
@Name("io.pusherj.Subscription")
@Label("Subscription")
@Category({"pusherj"})
@Description("A Pusher channel subscription: its duration runs from subscribing, authorization included, to the"
        + " server's answer")
@StackTrace(false)
public final class SubscriptionEvent extends Event {
    /** The server sent {@code subscription_succeeded}. */
    public static final String SUCCEEDED = "succeeded";
    /** Authorization or the server refused it. */
    public static final String FAILED = "failed";
    /** The connection went away first; it is made again on the next one. */
    public static final String INTERRUPTED = "interrupted";

    @Label("Channel")
    String channel;

    @Label("Kind")
    @Description("public, private, presence, private-encrypted or cache")
    String kind;

    @Label("Outcome")
    @Description("succeeded, failed or interrupted")
    String outcome;

    @Label("Status")
    @Description("The HTTP status of a refused authorization, or 0")
    int status;

    /**
     * Starts timing a subscription; {@link #end} commits it.
     *
     * @param channel the channel's name
     * @param kind public, cache, private, private-encrypted or presence
     * @return the event to end, or null when no recording asked for these events
     */
    public static SubscriptionEvent start(String channel, String kind) {
        SubscriptionEvent e = new SubscriptionEvent();
        if (!e.isEnabled()) {
            return null;
        }
        e.channel = channel;
        e.kind = kind;
        e.begin();
        return e;
    }

    /**
     * Commits the subscription with its outcome.
     *
     * @param outcome one of the constants of this class
     * @param status the HTTP status behind a failure, or 0
     */
    public void end(String outcome, int status) {
        this.outcome = outcome;
        this.status = status;
        end();
        commit();
    }
}
