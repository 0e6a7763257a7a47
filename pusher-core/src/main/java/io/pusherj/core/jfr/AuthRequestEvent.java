package io.pusherj.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One authorization (a private or presence subscription) or authentication (sign-in), from asking the
 * endpoint or the application's handler to its answer. Committed on the thread that completes it.
 */
@Name("io.pusherj.AuthRequest")
@Label("Auth Request")
@Category({"pusherj"})
@Description("A Pusher client asked its auth endpoint or handler to authorize a channel or authenticate its user")
@StackTrace(false)
public final class AuthRequestEvent extends Event {
    @Label("Subject")
    @Description("The channel's name, or user for a sign-in")
    String subject;

    @Label("Handler")
    @Description("endpoint (authEndpoint over authTransport) or custom (the application's handler)")
    String handler;

    @Label("Outcome")
    @Description("authorized or failed")
    String outcome;

    @Label("Status")
    @Description("The HTTP status of a failed request, or 0")
    int status;

    /**
     * Starts timing a request; {@link #end} commits it.
     *
     * @param subject the channel's name, or {@code user}
     * @param custom whether the application's handler answers it
     * @return the event to end, or null when no recording asked for these events
     */
    public static AuthRequestEvent start(String subject, boolean custom) {
        AuthRequestEvent e = new AuthRequestEvent();
        if (!e.isEnabled()) {
            return null;
        }
        e.subject = subject;
        e.handler = custom ? "custom" : "endpoint";
        e.begin();
        return e;
    }

    /**
     * Commits the request with its outcome.
     *
     * @param authorized whether it was
     * @param status the HTTP status of a failure, or 0
     */
    public void end(boolean authorized, int status) {
        this.outcome = authorized ? "authorized" : "failed";
        this.status = status;
        end();
        commit();
    }
}
