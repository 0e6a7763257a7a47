package io.pusherj.transport.ws;

import java.nio.channels.ClosedChannelException;
import java.util.logging.ErrorManager;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where Tyrus's own log records go. Tyrus logs through {@code java.util.logging}; pusherj logs through
 * {@code System.Logger}, so that an application that routes {@code System.Logger} elsewhere (SLF4J, Log4j)
 * finds Tyrus's records there too instead of on standard error. Installed once, when the first WebSocket
 * runtime is built; see {@code docs/decisions.md}, "Tyrus's logging".
 */
final class TyrusLogging {
    /**
     * Tyrus's loggers all live under this name. Held here: {@code java.util.logging} keeps loggers weakly, and a
     * collected logger loses the handler and settings given to it.
     */
    private static final Logger TYRUS = Logger.getLogger("org.glassfish.tyrus");
    /** The JDK client container's logger: it reports every error of an open connection as SEVERE. */
    private static final Logger CLIENT_FILTER =
            Logger.getLogger("org.glassfish.tyrus.container.jdk.client.ClientFilter");

    private static final System.Logger LOG = System.getLogger(TyrusLogging.class.getName());

    static {
        Filter previous = CLIENT_FILTER.getFilter();
        CLIENT_FILTER.setFilter(record -> {
            if (afterLocalClose(record)) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "Tyrus reported the end of a socket this side had closed",
                        record.getThrown());
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
        if (!julIsSystemLoggerBackend()) {
            TYRUS.addHandler(new SystemLoggerHandler());
            TYRUS.setUseParentHandlers(false);
            // java.util.logging drops a record below its logger's level before any handler sees it: let
            // through what the System.Logger of Tyrus's name would log (nothing finer, so that Tyrus does not
            // format per-frame traces nobody reads).
            System.Logger target = System.getLogger(TYRUS.getName());
            if (target.isLoggable(System.Logger.Level.TRACE)) {
                TYRUS.setLevel(Level.FINEST);
            } else if (target.isLoggable(System.Logger.Level.DEBUG)) {
                TYRUS.setLevel(Level.FINE);
            }
        }
    }

    private TyrusLogging() {}

    /** Makes sure the routing is in place (the class's initialization does it, once per JVM). */
    static void install() {
        // Nothing to do: calling this initializes the class.
    }

    /**
     * Whether {@code record} is the container's "Connection error has occurred" for a channel this side closed.
     * A {@link ClosedChannelException} (or its {@code AsynchronousCloseException}) is only ever thrown on a
     * channel closed locally: a close pusherj began, whose end the session reports as usual. Tyrus logs it
     * with a stack trace when the server closes the TCP connection at once after the close handshake (as
     * soketi does) and a read or write of the container was still under way.
     */
    static boolean afterLocalClose(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code System.Logger} already writes to {@code java.util.logging}: the JDK's own logger finder
     * does when no other is installed. Bridging then would send each record back where it came from.
     */
    private static boolean julIsSystemLoggerBackend() {
        return System.LoggerFinder.getLoggerFinder().getClass().getClassLoader() == null;
    }

    /**
     * Publishes Tyrus's records to the {@code System.Logger} of the same name. Some set-ups route
     * {@code System.Logger} back into {@code java.util.logging} through a finder of their own (SLF4J's platform
     * logging over its {@code java.util.logging} binding, for one): the record then comes back to this handler
     * on the same thread, and goes to the root logger's handlers instead of around again.
     */
    static final class SystemLoggerHandler extends Handler {
        private static final ThreadLocal<Boolean> PUBLISHING = new ThreadLocal<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (PUBLISHING.get() != null) {
                for (Handler h : Logger.getLogger("").getHandlers()) {
                    h.publish(record);
                }
                return;
            }
            PUBLISHING.set(Boolean.TRUE);
            try {
                System.Logger target = System.getLogger(record.getLoggerName());
                System.Logger.Level level = level(record.getLevel().intValue());
                if (target.isLoggable(level)) {
                    target.log(level, formatter.formatMessage(record), record.getThrown());
                }
            } catch (RuntimeException e) {
                // A failing logging back end must not fail Tyrus's I/O thread; the error manager says so once.
                reportError("could not hand a Tyrus record to System.Logger", e, ErrorManager.WRITE_FAILURE);
            } finally {
                PUBLISHING.remove();
            }
        }

        private static System.Logger.Level level(int julLevel) {
            if (julLevel >= Level.SEVERE.intValue()) {
                return System.Logger.Level.ERROR;
            } else if (julLevel >= Level.WARNING.intValue()) {
                return System.Logger.Level.WARNING;
            } else if (julLevel >= Level.INFO.intValue()) {
                return System.Logger.Level.INFO;
            } else if (julLevel >= Level.FINE.intValue()) {
                return System.Logger.Level.DEBUG;
            }
            return System.Logger.Level.TRACE;
        }

        @Override
        public void flush() {
            // Nothing buffered.
        }

        @Override
        public void close() {
            // Nothing held.
        }
    }
}
