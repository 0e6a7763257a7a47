package io.pusherj.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A client's connection moved from one of the six states to another. */
@Name("io.pusherj.ConnectionStateChange")
@Label("Connection State Change")
@Category({"pusherj"})
@Description("A Pusher client's connection changed state (initialized, connecting, connected, unavailable, failed,"
        + " disconnected)")
@StackTrace(false)
public final class ConnectionStateChangeEvent extends Event {
    @Label("Previous")
    String previous;

    @Label("Current")
    String current;

    @Label("Socket Id")
    @Description("The socket id once connected; empty in every other state")
    String socketId;

    /**
     * Commits a state change, when a recording asked for these events.
     *
     * @param previous the state left
     * @param current the state entered
     * @param socketId the socket id when connected, else empty
     */
    public static void commit(String previous, String current, String socketId) {
        ConnectionStateChangeEvent e = new ConnectionStateChangeEvent();
        if (e.isEnabled()) {
            e.previous = previous;
            e.current = current;
            e.socketId = socketId;
            e.commit();
        }
    }
}
