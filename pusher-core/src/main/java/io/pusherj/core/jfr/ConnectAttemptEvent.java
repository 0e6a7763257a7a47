package io.pusherj.core.jfr;

import java.util.function.Supplier;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One transport's attempt to connect, from opening its socket to the end of the Pusher handshake, or to its
 * failure or abort. Made when the attempt starts and committed, from the client's strand, when it ends.
 */
@Name("io.pusherj.ConnectAttempt")
@Label("Connect Attempt")
@Category({"pusherj"})
@Description("A transport's attempt to connect a Pusher client: its duration runs from opening the socket to the"
        + " handshake's end")
@StackTrace(false)
public final class ConnectAttemptEvent extends Event {
    /** The attempt connected: the server sent {@code pusher:connection_established}. */
    public static final String CONNECTED = "connected";
    /** The socket failed or closed before the handshake ended. */
    public static final String FAILED = "failed";
    /** The server answered the handshake with a close code or an error. */
    public static final String REFUSED = "refused";
    /** The client gave the attempt up (another transport won, a timeout, a disconnect). */
    public static final String ABORTED = "aborted";

    @Label("Transport")
    String transport;

    @Label("Host")
    @Description("Host and port the transport connects to")
    String host;

    @Label("Outcome")
    @Description("connected, failed, refused or aborted")
    String outcome;

    /**
     * Starts timing an attempt; {@link #end} commits it.
     *
     * @param transport the transport's slot name, e.g. ws
     * @param host host and port, asked for only when a recording wants the event
     * @return the event to end, or null when no recording asked for these events
     */
    public static ConnectAttemptEvent start(String transport, Supplier<String> host) {
        ConnectAttemptEvent e = new ConnectAttemptEvent();
        if (!e.isEnabled()) {
            return null;
        }
        e.transport = transport;
        e.host = host.get();
        e.begin();
        return e;
    }

    /**
     * Commits the attempt with its outcome.
     *
     * @param outcome one of the constants of this class
     */
    public void end(String outcome) {
        this.outcome = outcome;
        end();
        commit();
    }
}
