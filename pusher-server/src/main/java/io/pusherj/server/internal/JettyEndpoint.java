package io.pusherj.server.internal;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Plumbing, not API: the Jetty endpoint behind a {@code ServerConnection}. It has to be a public class in
 * an exported package because Jetty binds endpoint methods with {@code MethodHandles.publicLookup()}.
 */
public final class JettyEndpoint extends Session.Listener.AbstractAutoDemanding {
    /** What the endpoint reports to; implemented by the test server. */
    public interface Events {
        /**
         * The WebSocket opened.
         *
         * @param session the Jetty session
         */
        void opened(Session session);

        /**
         * A text frame arrived.
         *
         * @param message the frame text
         */
        void text(String message);

        /**
         * The WebSocket closed with {@code code}.
         *
         * @param code the close code
         */
        void closed(int code);
    }

    private final Events events;

    /**
     * Creates an endpoint reporting to {@code events}.
     *
     * @param events where to report
     */
    public JettyEndpoint(Events events) {
        this.events = events;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        events.opened(session);
    }

    @Override
    public void onWebSocketText(String message) {
        events.text(message);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // A close always follows; clients that vanish mid-write are normal in fault tests.
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        events.closed(statusCode);
        callback.succeed();
    }
}
