package io.pusherj.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One authorization (a private or presence subscription) or authentication (sign-in), from asking the
 * endpoint or the application's handler to its answer or to the auth timeout. Committed on the client's
 * strand, where the same outcome goes to {@code Connection.onAuthRequest}; one whose connection went away
 * first is committed as {@link #ABANDONED} when its answer or its timeout comes (not if the client is closed
 * before either).
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

    /** The endpoint or handler authorized it. */
    public static final String AUTHORIZED = "authorized";
    /** Refused, unreachable, malformed, or no answer within the auth timeout. */
    public static final String FAILED = "failed";
    /** Its connection went away before the answer: what came (or the refusal to ask) is not used. */
    public static final String ABANDONED = "abandoned";

    @Label("Outcome")
    @Description("authorized, failed or abandoned (the connection went away first)")
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
     * @param outcome {@link #AUTHORIZED}, {@link #FAILED} or {@link #ABANDONED}
     * @param status the HTTP status of a failure, or 0
     */
    public void end(String outcome, int status) {
        this.outcome = outcome;
        this.status = status;
        end();
        commit();
    }
}
