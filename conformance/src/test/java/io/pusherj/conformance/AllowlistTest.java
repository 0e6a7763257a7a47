package io.pusherj.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which differences an allowlist entry covers, and that every entry points at a written reason. */
class AllowlistTest {
    @TempDir
    Path dir;

    Allowlist read(String json, String decisions) throws Exception {
        Path list = Files.writeString(dir.resolve("allowed.json"), json);
        Path why = Files.writeString(dir.resolve("decisions.md"), decisions);
        return Allowlist.read(list, why);
    }

    static final String ENTRY = "[{\"id\":\"e\",\"decision\":\"docs/decisions.md#one-error-per-close-code\","
            + "\"scripts\":[\"close-4100\"],\"differences\":[{\"client\":\"pusher-js\","
            + "\"match\":{\"t\":\"error\",\"type\":\"WebSocketError\"}}]}]";

    @Test
    void anEntryAllowsItsClientsMatchingRecordsInItsScriptsOnly() throws Exception {
        Allowlist a = read(ENTRY, "# Decisions\n### One error per close code\ntext\n");
        Difference wrapped = new Difference(
                "pusher-js",
                TranscriptDiffTest.record(
                        "{\"s\":\"connection\",\"t\":\"error\",\"type\":\"WebSocketError\",\"code\":4100}"));
        assertEquals("e", a.allowing("close-4100", wrapped).orElseThrow().id());
        assertTrue(a.allowing("close-4200", wrapped).isEmpty(), "another script");
        assertTrue(
                a.allowing("close-4100", new Difference("pusherj", wrapped.record()))
                        .isEmpty(),
                "the other client");
        assertTrue(a.allowing(
                        "close-4100",
                        new Difference(
                                "pusher-js",
                                TranscriptDiffTest.record(
                                        "{\"s\":\"connection\",\"t\":\"error\",\"type\":\"PusherError\"}")))
                .isEmpty());
    }

    @Test
    void anEntryForOneTimingIsLeftOutOfTheOther() throws Exception {
        String json = ENTRY.replace("\"scripts\"", "\"pusherjTiming\":\"default\",\"scripts\"");
        Path list = Files.writeString(dir.resolve("timed.json"), json);
        Path why = Files.writeString(dir.resolve("why.md"), "### One error per close code\n");
        assertEquals(1, Allowlist.read(list, why, "default").entries().size());
        assertEquals(
                0,
                Allowlist.read(list, why, "pusher-js").entries().size(),
                "with pusher-js timing pusherj must not need it");
    }

    @Test
    void anEntryWithoutItsDecisionsSectionIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> read(ENTRY, "# Decisions\n### Something else\n"));
        assertTrue(e.getMessage().contains("not a heading"), e.getMessage());
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertTrue(Allowlist.anchors("## Connection state machine (`pusher-core` `ConnectionManager`)\n")
                .contains("connection-state-machine-pusher-core-connectionmanager"));
    }

    @Test
    void aTogetherEntryAllowsAMovedRecordButNotAMissingOne() throws Exception {
        Allowlist a = read(
                "[{\"id\":\"moved\",\"decision\":\"docs/decisions.md#one-error-per-close-code\",\"together\":true,"
                        + "\"differences\":[{\"client\":\"pusher-js\",\"match\":{\"t\":\"state\",\"to\":\"disconnected\"}},"
                        + "{\"client\":\"pusherj\",\"match\":{\"t\":\"state\",\"to\":\"disconnected\"}}]}]",
                "### One error per close code\n");
        var state = TranscriptDiffTest.record(
                "{\"s\":\"connection\",\"t\":\"state\",\"from\":\"connected\",\"to\":\"disconnected\"}");
        Difference early = new Difference("pusher-js", state);
        Difference late = new Difference("pusherj", state);
        assertEquals(
                "moved",
                a.allowing("s", early, List.of(early, late)).orElseThrow().id());
        assertTrue(a.allowing("s", early, List.of(early)).isEmpty(), "pusherj never reported it: a real difference");
        assertTrue(a.allowing("s", early, List.of(early, late, late)).isEmpty(), "an extra copy on one side");
    }
}
