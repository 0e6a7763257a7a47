package io.pusherj.conformance;

import io.pusherj.server.AuthFault;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ServerConnection;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Plays the server part of a script on a {@link PusherTestServer}, one step after the other. The server's
 * own protocol (handshake, subscriptions, presence, auth endpoint) runs as usual unless a step changes
 * it; steps wait for connections and client frames, send frames, close, go silent. The README lists every
 * step.
 */
final class ScriptServer {
    /** The frame that tells a driver the script is over: everything before it has reached the client. */
    static final String END_FRAME = "{\"event\":\"conformance:end\",\"data\":\"{}\"}";

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    private final PusherTestServer server;
    private ServerConnection current;

    ScriptServer(PusherTestServer server) {
        this.server = server;
    }

    /**
     * Runs every step.
     *
     * @param stopClient stops the client's driver (for an {@code endIdle} step)
     * @throws AssertionError if a step waited longer than its timeout
     */
    /** Steps that only set the server up, with no client needed: they may run before the client starts. */
    private static final Set<String> SETUP_STEPS =
            Set.of("handshake", "activityTimeout", "authFault", "clearAuthFaults", "refuse", "publish");

    /** {@return how many steps at the start of {@code steps} only set the server up} */
    static int leadingSetupSteps(List<JsonValue> steps) {
        int n = 0;
        while (n < steps.size()
                && SETUP_STEPS.containsAll(steps.get(n).asJsonObject().keySet())) {
            n++;
        }
        return n;
    }

    void run(Iterable<JsonValue> steps, Runnable stopClient) throws InterruptedException {
        for (JsonValue step : steps) {
            run(step.asJsonObject(), stopClient);
        }
    }

    private void run(JsonObject step, Runnable stopClient) throws InterruptedException {
        String kind = step.keySet().iterator().next();
        JsonValue arg = step.get(kind);
        switch (kind) {
            case "connection" -> current = server.awaitConnection(((JsonNumber) arg).intValue(), STEP_TIMEOUT);
            case "await" ->
                current.awaitFrames(
                        text -> JsonValues.matches(arg, JsonValues.parse(text)), step.getInt("nth", 1), STEP_TIMEOUT);
            case "subscribed" -> current.awaitSubscribed(((JsonString) arg).getString(), STEP_TIMEOUT);
            case "send" -> current.sendRaw(arg.toString());
            case "sendRaw" -> current.sendRaw(((JsonString) arg).getString());
            case "sendBinary" -> current.sendBinary(((JsonString) arg).getString());
            case "sendData" -> current.sendRaw(frameWithData(arg.asJsonObject()));
            case "publish" -> {
                JsonObject p = arg.asJsonObject();
                server.publish(p.getString("channel"), p.getString("event"), p.getString("data"));
            }
            case "close" ->
                current.close(((JsonNumber) arg).intValue(), step.getString("reason", "closed by the script"));
            case "drop" -> current.drop();
            case "silent" -> current.goSilent();
            case "awaitClosed" -> current.awaitClosed(STEP_TIMEOUT);
            case "establish" -> current.establish(((JsonString) arg).getString());
            case "handshake" -> handshake(arg);
            case "activityTimeout" -> server.activityTimeoutSeconds(((JsonNumber) arg).intValue());
            case "authFault" -> {
                JsonObject f = arg.asJsonObject();
                server.faults()
                        .authFault(
                                f.getString("channel"),
                                new AuthFault(
                                        f.getInt("status", 0),
                                        f.getString("contentType", "application/json"),
                                        f.getString("body", ""),
                                        Duration.ofMillis(f.getInt("delayMs", 0))));
            }
            case "clearAuthFaults" -> server.faults().clearAuthFaults();
            case "refuse" -> server.faults().refuseConnections(arg == JsonValue.TRUE);
            case "pause" -> Thread.sleep(((JsonNumber) arg).longValue()); // server pacing, part of the scenario
            case "end" -> current.sendRaw(END_FRAME);
            case "endIdle" -> {
                Thread.sleep(((JsonNumber) arg).longValue()); // nothing more will happen: let the client show it
                stopClient.run();
            }
            default -> throw new IllegalArgumentException("unknown script step '" + kind + "' in " + step);
        }
    }

    /**
     * {@code {"event":..., "channel":..., "data": TEXT}} with {@code data} as a JSON string holding TEXT,
     * as servers send event data; {@code repeat} makes TEXT that many copies of itself (large events).
     */
    private static String frameWithData(JsonObject spec) {
        String text = spec.getString("data").repeat(spec.getInt("repeat", 1));
        var frame = JsonValues.JSON.createObjectBuilder().add("event", spec.getString("event"));
        if (spec.containsKey("channel")) {
            frame.add("channel", spec.getString("channel"));
        }
        if (spec.containsKey("user_id")) {
            frame.add("user_id", spec.get("user_id"));
        }
        return frame.add("data", text).build().toString();
    }

    private void handshake(JsonValue mode) {
        if (mode instanceof JsonString s) {
            switch (s.getString()) {
                case "normal" -> server.faults().normalHandshakes();
                case "hold" -> server.faults().holdHandshakes();
                default -> throw new IllegalArgumentException("unknown handshake mode " + s);
            }
        } else if (mode.asJsonObject().containsKey("error")) {
            server.faults().failHandshakes(mode.asJsonObject().getInt("error"));
        } else {
            server.faults().replaceHandshake(mode.asJsonObject().getString("raw"));
        }
    }
}
