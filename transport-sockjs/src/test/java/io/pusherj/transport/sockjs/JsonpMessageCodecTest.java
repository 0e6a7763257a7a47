package io.pusherj.transport.sockjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.pusherj.api.spi.Transport;
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
        assertArrayEquals(
                new String[] {"4100", "over capacity"},
                codec.decode("[4100,\"over capacity\"]"),
                "a close frame's code reaches Spring as text (it was lost as 1005 before)");
    }

    @Test
    void framesThatAreNotMessageArraysOrAreOverTheLimitDecodeToTheMarkerTheSocketDropsTheSessionFor()
            throws IOException {
        // Thrown, the error would make Spring close the session without telling the socket.
        assertSame(JsonpMessageCodec.UNDECODABLE, codec.decode("not json")[0]);
        assertSame(JsonpMessageCodec.UNDECODABLE, codec.decode("{\"a\":1}")[0]);
        String big = "[\"" + "x".repeat(Transport.MAX_MESSAGE_BYTES) + "\"]";
        assertSame(JsonpMessageCodec.UNDECODABLE, codec.decode(big)[0]);
        assertNotSame(
                JsonpMessageCodec.UNDECODABLE,
                codec.decode("[\"undecodable SockJS frame\"]")[0],
                "a server message with the same text is still a message");
    }
}
