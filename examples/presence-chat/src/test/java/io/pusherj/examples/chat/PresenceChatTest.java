package io.pusherj.examples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresenceChatTest {
    @Test
    void adaAndBobMeetAndTalk() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PresenceChat.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(
                Set.of(
                        "bob joins; here: [ada, bob]",
                        "ada sees bob join",
                        "bob reads: hello bob (from ada)",
                        "ada reads: hi ada",
                        "ada's room has 2 members; ada is connected"),
                Set.copyOf(lines),
                lines.toString());
        assertEquals(5, lines.size());
        // Each user's lines in the order that user saw them; ada's and bob's may interleave.
        assertTrue(lines.indexOf("bob joins; here: [ada, bob]") < lines.indexOf("bob reads: hello bob (from ada)"));
        assertTrue(lines.indexOf("ada sees bob join") < lines.indexOf("ada reads: hi ada"));
        assertEquals("ada's room has 2 members; ada is connected", lines.get(4));
    }
}
