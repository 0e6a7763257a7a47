package io.pusherj.transport.sockjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonpMessageCodecTest {
    final JsonpMessageCodec codec = new JsonpMessageCodec();

    @Test
    void encodesMessagesAsAMessageFrame() {
        // Spring's codec contract: the "a" frame letter included (its client strips it when sending).
        assertEquals("a[\"{\\\"path\\\":\\\"/app/k\\\"}\",\"two\"]", codec.encode("{\"path\":\"/app/k\"}", "two"));
    }

    @Test
    void decodesMessageArraysAndCloseFrames() throws IOException {
        assertArrayEquals(new String[] {"{\"event\":\"e\"}"}, codec.decode("[\"{\\\"event\\\":\\\"e\\\"}\"]"));
        assertArrayEquals(new String[] {"4100", "over capacity"}, codec.decode("[4100,\"over capacity\"]"),
                "a close frame's code reaches Spring as text (it was lost as 1005 before)");
        assertThrows(IOException.class, () -> codec.decode("not json"));
    }
}
