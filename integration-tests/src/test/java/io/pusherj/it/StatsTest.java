package io.pusherj.it;

import static io.pusherj.api.ConnectionState.CONNECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.api.ConnectionState;
import io.pusherj.api.Pusher;
import io.pusherj.api.PusherOptions;
import io.pusherj.api.TimelineEntry;
import io.pusherj.server.PusherTestServer;
import io.pusherj.server.ReceivedStats;
import io.pusherj.testkit.ConnectionRecorder;
import io.pusherj.testkit.VirtualScheduler;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Channels docs' {@code enableStats} (docs/protocol.md §12): the timeline is always kept, and sent only when
 * enabled, on each {@code connected} and every 60 s, encoded as pusher-js's XHR agent does; the test
 * server decodes and records each request.
 */
class StatsTest extends ServerTest {
    private final VirtualScheduler time = new VirtualScheduler();
    private PusherTestServer other;
    private ConnectionRecorder rec;

    @AfterEach
    void stopOther() {
        if (other != null) {
            other.close();
        }
    }

    private Pusher connected(UnaryOperator<PusherOptions.Builder> options) {
        Pusher p = client(o -> options.apply(o.enabledTransports("ws").scheduler(time)));
        rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        return p;
    }

    private UnaryOperator<PusherOptions.Builder> statsOn(String who) {
        return o -> o.enableStats(true).statsHost(server.statsHost()).timelineParam("who", who);
    }

    private static List<JsonObject> timeline(ReceivedStats r) {
        return r.json("timeline").asJsonArray().getValuesAs(JsonObject.class);
    }

    @Test
    void statsAreOffByDefault() {
        connected(o -> o); // off
        Pusher control = connected(statsOn("control")); // on: its request shows when a request would have come
        server.awaitStatsRequests(1, WAIT); // the first client connected, and would have sent, before this one
        assertEquals(
                List.of("control"),
                server.statsRequests().stream().map(r -> r.fields().get("who")).toList());
        assertTrue(control.connection().timeline().size() > 0);
    }

    @Test
    void eachConnectedSendsTheTimelineWithPusherJsFields() {
        Pusher p = connected(statsOn("test"));
        ReceivedStats r = server.awaitStatsRequests(1, WAIT).get(0);
        assertEquals(
                List.of("session", "bundle", "key", "lib", "version", "cluster", "features", "timeline", "who"),
                List.copyOf(r.fields().keySet()));
        int session = Integer.parseInt(r.fields().get("session"));
        assertTrue(session >= 0 && session < 1_000_000_000, "session " + session);
        assertEquals("1", r.fields().get("bundle"));
        assertEquals(server.appKey(), r.fields().get("key"));
        assertEquals("java-pusherj", r.fields().get("lib"));
        assertEquals("mt1", r.fields().get("cluster"));
        assertEquals("[\"ws\"]", r.fields().get("features"));
        assertEquals("test", r.fields().get("who"));
        assertEquals(server.statsHost(), r.host());
        List<JsonObject> events = timeline(r);
        assertEquals("connecting", events.get(0).getString("state"));
        assertEquals("ws", events.get(1).getString("transport"));
        assertEquals(events.get(1).getInt("cid"), events.get(2).getInt("cid"));
        assertEquals("open", events.get(2).getString("state"));
        JsonObject connectedEntry = events.get(3);
        assertEquals("connected", connectedEntry.getString("state"));
        assertEquals(
                p.connection().socketId().orElseThrow(),
                connectedEntry.getJsonObject("params").getString("socket_id"));
        assertTrue(events.stream().allMatch(e -> e.containsKey("timestamp")), events.toString());
        assertEquals(4, events.size());
    }

    @Test
    void every60SecondsWhatIsNewIsSentAndNothingWhenNothingIs() {
        connected(statsOn("test"));
        server.awaitStatsRequests(1, WAIT);
        time.awaitTaskAt(60_000, WAIT);
        time.advanceBy(60_000); // nothing new: nothing sent
        server.awaitConnection(1, WAIT)
                .sendRaw("{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\"hiccup\"}}");
        rec.awaitError(e -> e.message().equals("hiccup"), WAIT);
        time.awaitTaskAt(120_000, WAIT);
        time.advanceBy(60_000);
        ReceivedStats second = server.awaitStatsRequests(2, WAIT).get(1);
        assertEquals("2", second.fields().get("bundle"), "the first send succeeded");
        List<JsonObject> events = timeline(second);
        assertEquals(1, events.size(), "only what is new: " + events);
        assertEquals("hiccup", events.get(0).getJsonObject("error").getString("message"));
        assertEquals(60_000, events.get(0).getJsonNumber("timestamp").longValue(), "recorded on the client's clock");
    }

    @Test
    void aHostInTheAnswerMovesLaterSends() {
        other = PusherTestServer.start();
        server.statsAnswer("{\"host\":\"" + other.statsHost() + "\"}");
        Pusher p = connected(statsOn("test"));
        server.awaitStatsRequests(1, WAIT);
        p.disconnect();
        rec.awaitState(ConnectionState.DISCONNECTED, WAIT);
        p.connect(); // a new connected, a new send: to the host the answer named
        rec.awaitState(CONNECTED, 2, WAIT);
        ReceivedStats moved = other.awaitStatsRequests(1, WAIT).get(0);
        assertEquals("2", moved.fields().get("bundle"));
        assertEquals(1, server.statsRequests().size());
    }

    @Test
    void aStatsHostThatFailsCostsTheConnectionNothing() {
        Pusher p = connected(o -> o.enableStats(true).statsHost("127.0.0.1:1"));
        p.subscribe("news");
        server.awaitSubscriberCount("news", 1, WAIT); // the connection kept working after the failed send
        assertEquals(List.of(), rec.errors());
        assertEquals(CONNECTED, p.connection().state());
    }

    @Test
    void theTimelineIsKeptAndHeardWithoutSendingAnything() {
        Pusher p = client(o -> o.enabledTransports("ws").scheduler(time));
        List<TimelineEntry> heard = new CopyOnWriteArrayList<>();
        p.connection().onTimeline(heard::add);
        rec = ConnectionRecorder.attach(p.connection());
        p.connect();
        rec.awaitState(CONNECTED, WAIT);
        List<TimelineEntry> kept = p.connection().timeline();
        assertEquals(
                List.of("connecting", "connected"),
                kept.stream()
                        .filter(e -> e.data().containsKey("state") && !e.data().containsKey("cid"))
                        .map(e -> e.data().getString("state"))
                        .toList());
        assertEquals(kept, heard.subList(0, kept.size()));
        assertEquals(List.of(), server.statsRequests());
    }
}
