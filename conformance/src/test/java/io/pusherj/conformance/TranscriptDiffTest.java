package io.pusherj.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How two transcripts are compared: canonical records, a common subsequence per stream. */
class TranscriptDiffTest {
    static JsonObject record(String json) {
        return JsonValues.parse(json).asJsonObject();
    }

    @Test
    void recordsMeaningTheSameAreEqualWhateverTheirMemberOrderOrNumberForm() {
        assertEquals(
                JsonValues.canonical(record("{\"b\":1.0,\"a\":[1e1]}")),
                JsonValues.canonical(record("{\"a\":[10],\"b\":1}")));
    }

    @Test
    void onlyRecordsOneSideLacksAreDifferencesAndOrderWithinAStreamCounts() {
        Transcript js = TranscriptTestData.transcript(
                "{\"s\":\"connection\",\"t\":\"state\",\"from\":\"initialized\",\"to\":\"connecting\"}",
                "{\"s\":\"connection\",\"t\":\"error\",\"type\":\"WebSocketError\",\"code\":4100}",
                "{\"s\":\"connection\",\"t\":\"state\",\"from\":\"connecting\",\"to\":\"connected\"}",
                "{\"s\":\"channel:a\",\"t\":\"event\",\"event\":\"x\",\"data\":1}",
                "{\"s\":\"channel:a\",\"t\":\"event\",\"event\":\"y\",\"data\":2}");
        Transcript j = TranscriptTestData.transcript(
                "{\"s\":\"connection\",\"t\":\"state\",\"from\":\"initialized\",\"to\":\"connecting\"}",
                "{\"s\":\"connection\",\"t\":\"state\",\"from\":\"connecting\",\"to\":\"connected\"}",
                "{\"s\":\"channel:a\",\"t\":\"event\",\"event\":\"y\",\"data\":2}",
                "{\"s\":\"channel:a\",\"t\":\"event\",\"event\":\"x\",\"data\":1}");
        List<Difference> d = TranscriptDiff.between(js, j);
        assertEquals(3, d.size(), d.toString());
        assertTrue(d.stream()
                .anyMatch(x -> x.client().equals("pusher-js")
                        && x.record().getString("t").equals("error")));
        assertEquals(
                2,
                d.stream()
                        .filter(x -> x.record().getString("s").equals("channel:a"))
                        .count(),
                "x and y swapped: one of them is unmatched on each side");
    }

    @Test
    void streamsAreComparedSeparatelySoTheirInterleavingDoesNotMatter() {
        Transcript js = TranscriptTestData.transcript(
                "{\"s\":\"channel:a\",\"t\":\"event\",\"event\":\"x\"}",
                "{\"s\":\"channel:b\",\"t\":\"event\",\"event\":\"x\"}");
        Transcript j = TranscriptTestData.transcript(
                "{\"s\":\"channel:b\",\"t\":\"event\",\"event\":\"x\"}",
                "{\"s\":\"channel:a\",\"t\":\"event\",\"event\":\"x\"}");
        assertEquals(List.of(), TranscriptDiff.between(js, j));
    }

    @Test
    void reconnectDelaysAreBucketed() {
        assertEquals("< 0.5 s", Transcript.bucket(20));
        assertEquals("0.5-2.5 s", Transcript.bucket(1_050));
        assertEquals("2.5-10 s", Transcript.bucket(3_000));
        assertEquals("> 10 s", Transcript.bucket(15_000));
    }

    @Test
    void sentFramesLoseSocketIdsAndSignaturesAndPingsUnlessAsked() {
        JsonObject frame = record("{\"event\":\"pusher:subscribe\",\"data\":{\"auth\":\"key:" + "ab".repeat(32)
                + "\",\"channel\":\"private-a\",\"socket_id\":\"1.2\"}}");
        assertEquals(
                "{\"data\":{\"auth\":\"<signature>\",\"channel\":\"private-a\",\"socket_id\":\"<socket_id>\"},"
                        + "\"event\":\"pusher:subscribe\"}",
                JsonValues.canonical(Transcript.normalizeSentFrame(frame, false)));
        JsonObject ping = record("{\"event\":\"pusher:ping\",\"data\":{}}");
        assertEquals(null, Transcript.normalizeSentFrame(ping, false));
        assertFalse(Transcript.normalizeSentFrame(ping, true) == null);
    }
}
