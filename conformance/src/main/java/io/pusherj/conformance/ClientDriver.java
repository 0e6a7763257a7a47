package io.pusherj.conformance;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * Runs the client part of a script with one client library and records what that client reports to its
 * user, one JSON object per report (the README lists the record kinds). A driver ends when the server's
 * end frame reaches it or when it is stopped.
 */
interface ClientDriver extends AutoCloseable {
    /** The client's name in reports: {@code pusher-js} or {@code pusherj}. */
    String name();

    /** Creates the client, binds every listener, and starts the script's actions. */
    void start() throws Exception;

    /**
     * Waits until the client reported its first state change ({@code connecting}): every script connects
     * at once, and the server's steps must not race a client that is still starting (a Node process).
     *
     * @throws IllegalStateException if it did not happen in time
     */
    void awaitStarted(Duration timeout) throws InterruptedException;

    /** Ends the run now: the script's server has nothing more to say ({@code endIdle}). */
    void stop();

    /**
     * Waits until the run ended.
     *
     * @return the records, in the order the client reported them
     * @throws IllegalStateException if the run did not end in time or the client failed
     */
    List<JsonObject> awaitEnd(Duration timeout) throws InterruptedException;

    /** Releases the client. */
    @Override
    void close();
}
