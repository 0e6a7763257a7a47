package io.pusherj.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A client's listeners fell so far behind that frames waiting for them passed the client's limit
 * ({@code maxQueuedInboundChars}): the client dropped the connection to reconnect, as documented.
 */
@Name("io.pusherj.InboundOverflow")
@Label("Inbound Overflow")
@Category({"pusherj"})
@Description("Frames waiting for a Pusher client's listeners passed its limit; the client reconnects")
@StackTrace(false)
public final class InboundOverflowEvent extends Event {
    @Label("Transport")
    String transport;

    @Label("Limit")
    @Description("The client's limit, in characters, on frames waiting for its listeners")
    long limitChars;

    /**
     * Commits an overflow, when a recording asked for these events.
     *
     * @param transport the transport whose frames overflowed
     * @param limitChars the limit passed
     */
    public static void commit(String transport, long limitChars) {
        InboundOverflowEvent e = new InboundOverflowEvent();
        if (e.isEnabled()) {
            e.transport = transport;
            e.limitChars = limitChars;
            e.commit();
        }
    }
}
