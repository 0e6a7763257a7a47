package io.pusherj.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches {@code java.util.logging}'s handlers (the console by default) from the logger Tyrus's JDK client
 * container reports connection errors on, once pusherj's routing is in place. The records are the ones that
 * container writes: "Connection error has occurred", SEVERE, with the exception.
 */
class TyrusLoggingTest {
    private static final Logger CLIENT_FILTER =
            Logger.getLogger("org.glassfish.tyrus.container.jdk.client.ClientFilter");

    private final List<LogRecord> published = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            published.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void install() {
        TyrusLogging.install();
        CLIENT_FILTER.addHandler(capture);
    }

    @AfterEach
    void remove() {
        CLIENT_FILTER.removeHandler(capture);
    }

    @Test
    void theEndOfASocketThisSideClosedIsNotReportedAsSevere() {
        CLIENT_FILTER.log(Level.SEVERE, "Connection error has occurred", new ClosedChannelException());
        CLIENT_FILTER.log(
                Level.SEVERE,
                "Connection error has occurred",
                new IOException("write failed", new AsynchronousCloseException()));

        assertEquals(List.of(), published);
    }

    @Test
    void otherConnectionErrorsStillAre() {
        IOException reset = new IOException("Connection reset by peer");
        CLIENT_FILTER.log(Level.SEVERE, "Connection error has occurred", reset);

        assertEquals(1, published.size());
        assertSame(reset, published.get(0).getThrown());
        assertEquals(Level.SEVERE, published.get(0).getLevel());
    }

    @Test
    void theBridgeHandsARecordToTheSystemLoggerOfItsNameWithItsLevelAndMessage() {
        // With the JDK's finder, System.Logger of a name is java.util.logging's logger of that name: the record
        // arrives there, after the trip through System.Logger.
        Logger target = Logger.getLogger("io.pusherj.transport.ws.test.bridge");
        target.addHandler(capture);
        try {
            LogRecord record = new LogRecord(Level.WARNING, "{0} went wrong");
            record.setParameters(new Object[] {"the handshake"});
            record.setLoggerName(target.getName());
            IOException cause = new IOException("refused");
            record.setThrown(cause);

            new TyrusLogging.SystemLoggerHandler().publish(record);

            assertEquals(1, published.size());
            assertEquals(Level.WARNING, published.get(0).getLevel());
            assertEquals("the handshake went wrong", published.get(0).getMessage());
            assertSame(cause, published.get(0).getThrown());
        } finally {
            target.removeHandler(capture);
        }
    }

    @Test
    void aRecordThatComesBackThroughSystemLoggerGoesToTheRootHandlersOnce() {
        // Tyrus's set-up when bridged: the handler on the logger, not passed on to the parents. With the JDK's
        // finder, System.Logger of this name is this very logger, so the record comes back to the handler:
        // the loop some SLF4J and Log4j set-ups make.
        Logger looping = Logger.getLogger("io.pusherj.transport.ws.test.loop");
        TyrusLogging.SystemLoggerHandler bridge = new TyrusLogging.SystemLoggerHandler();
        Logger root = Logger.getLogger("");
        looping.setUseParentHandlers(false);
        looping.addHandler(bridge);
        root.addHandler(capture);
        try {
            looping.log(Level.WARNING, "went round once");

            assertEquals(1, published.size());
            assertEquals("went round once", published.get(0).getMessage());
        } finally {
            root.removeHandler(capture);
            looping.removeHandler(bridge);
            looping.setUseParentHandlers(true);
        }
    }
}
