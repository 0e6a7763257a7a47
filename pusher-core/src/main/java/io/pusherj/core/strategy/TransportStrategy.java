package io.pusherj.core.strategy;

import io.pusherj.api.ConnectionError;
import io.pusherj.api.spi.Transport;
import io.pusherj.api.spi.TransportRequest;
import io.pusherj.core.connection.Errors;
import io.pusherj.core.connection.Handshake;
import io.pusherj.core.connection.HandshakeResult;
import io.pusherj.core.connection.StrandSocket;
import io.pusherj.core.jfr.ConnectAttemptEvent;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.runtime.ClientLoop;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt over one transport slot (pusher-js {@code transport_strategy.ts}): open the socket, then
 * run the handshake. Transport errors and closes before the socket opened are failures; any handshake
 * result is a success. A slot with no transport (module absent or filtered out) is unsupported.
 */
public final class TransportStrategy implements Strategy {
    private final String name;
    private final int priority;
    private final Transport transport;
    private final TransportRequest request;
    private final ClientLoop loop;
    private final AttemptListener attempts;
    /** Attempt ids for the timeline ({@code cid}), unique in the JVM as pusher-js's are per page. */
    private static final AtomicInteger NEXT_ATTEMPT_ID = new AtomicInteger();

    private final TransportLives lives;

    /**
     * Creates the strategy.
     *
     * @param name the slot name
     * @param transport the transport, or null when the slot is unusable
     * @param request where to connect
     * @param loop the client's strand and timer
     * @param attempts where attempts are reported (failures: the connection's error event)
     * @param lives the lives of this slot's transport manager
     */
    public TransportStrategy(
            String name,
            Transport transport,
            TransportRequest request,
            ClientLoop loop,
            AttemptListener attempts,
            TransportLives lives) {
        this.lives = lives;
        this.name = name;
        this.transport = transport;
        this.priority = transport == null ? 0 : transport.priority();
        this.request = request;
        this.loop = loop;
        this.attempts = attempts;
    }

    @Override
    public boolean isSupported() {
        return transport != null && lives.isAlive();
    }

    @Override
    public StrategyRunner connect(int minPriority, StrategyCallback callback) {
        if (!isSupported() || priority < minPriority) {
            loop.defer(callback::onFailure);
            return StrategyRunner.NONE;
        }
        Attempt attempt = new Attempt(callback);
        attempt.start();
        return attempt;
    }

    @Override
    public String toString() {
        return "TransportStrategy[" + name + (transport == null ? ", unsupported" : "") + "]";
    }

    private final class Attempt implements StrategyRunner, StrandSocket.Handler {
        private final StrategyCallback callback;
        private StrandSocket socket;
        private Handshake handshake;
        private boolean done;
        private Throwable lastError;
        private final int cid = NEXT_ATTEMPT_ID.incrementAndGet();
        /** The attempt as a JFR event, while a recording asks for them; else null. */
        private ConnectAttemptEvent recorded;

        Attempt(StrategyCallback callback) {
            this.callback = callback;
        }

        void start() {
            attempts.step(FrameCodec.json()
                    .createObjectBuilder()
                    .add("cid", cid)
                    .add("transport", name + (request.useTLS() && !name.equals("wss") ? "s" : ""))
                    .build());
            recorded = ConnectAttemptEvent.start(name, this::describeTarget);
            socket = StrandSocket.open(loop.strand(), loop.inbound(), transport, request, this);
        }

        /** Ends the attempt's JFR event, if a recording asked for it. */
        private void record(String outcome) {
            if (recorded != null) {
                recorded.end(outcome);
                recorded = null;
            }
        }

        @Override
        public void onOpen() {
            if (done) {
                return;
            }
            attempts.step(FrameCodec.json()
                    .createObjectBuilder()
                    .add("cid", cid)
                    .add("state", "open")
                    .build());
            long openedAt = loop.now();
            // Locals, not fields: a lambda reading fields would capture this attempt, and through its
            // callback the whole finished run, for as long as the connection lives (~3 KiB per client).
            TransportLives transportLives = lives;
            ClientLoop time = loop;
            socket.observeClose((code, wasClean) -> transportLives.closed(code, wasClean, openedAt, time.now()));
            handshake = new Handshake(socket, name, priority, lives.pingDelay(), this::handshakeDone);
        }

        private void handshakeDone(HandshakeResult result) {
            if (!done) {
                done = true;
                record(result.isConnected() ? ConnectAttemptEvent.CONNECTED : ConnectAttemptEvent.REFUSED);
                callback.onHandshake(result);
            }
        }

        @Override
        public void onMessage(String frame) {
            // Nothing is expected before the socket opens.
        }

        @Override
        public void onActivity() {}

        @Override
        public void onError(Throwable error) {
            lastError = error;
        }

        @Override
        public void onClose(int code, String reason, boolean wasClean) {
            if (done) {
                return;
            }
            done = true;
            record(ConnectAttemptEvent.FAILED);
            String why = lastError != null ? Errors.describe(lastError) : reason;
            attempts.step(FrameCodec.json()
                    .createObjectBuilder()
                    .add("cid", cid)
                    .add("state", "closed")
                    .add("code", code)
                    .build());
            attempts.failed(Errors.of(
                    ConnectionError.Type.TRANSPORT_ERROR,
                    name + ": could not connect to " + describeTarget()
                            + (why == null || why.isEmpty() ? "" : ": " + why),
                    name,
                    lastError));
            callback.onFailure();
        }

        private String describeTarget() {
            try {
                return (name.startsWith("ws") ? request.webSocketUri() : request.httpBaseUri()).getAuthority();
            } catch (IllegalArgumentException e) {
                return name;
            }
        }

        @Override
        public void abort() {
            if (done) {
                return;
            }
            done = true;
            record(ConnectAttemptEvent.ABORTED);
            closeSocket();
        }

        @Override
        public void forceMinPriority(int p) {
            if (done || priority >= p) {
                return;
            }
            done = true;
            record(ConnectAttemptEvent.ABORTED);
            closeSocket();
            loop.defer(callback::onFailure);
        }

        @Override
        public void retryNow() {
            // An attempt under way goes on: it is the "at once" the application asked for.
        }

        private void closeSocket() {
            if (handshake != null) {
                handshake.close();
            } else {
                socket.setHandler(null);
                socket.close();
            }
        }
    }
}
