package io.pusherj.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/protocol.md §2: the decoding rules pusher-js applies, and its outbound encoding. */
class FrameCodecTest {
    @Test
    void stringDataHoldingJsonIsParsedAndKeptRaw() throws Exception {
        Frame f = FrameCodec.decode(
                "{\"event\":\"order-shipped\",\"channel\":\"private-orders\",\"data\":\"{\\\"id\\\":17}\"}");
        assertEquals("order-shipped", f.eventName());
        assertEquals(Optional.of("private-orders"), f.channelName());
        assertEquals("{\"id\":17}", f.data());
        assertEquals(17, f.json().asJsonObject().getInt("id"));
        assertTrue(f.userId().isEmpty());
    }

    @Test
    void toStringCutsLongDataButDataKeepsAllOfIt() throws Exception {
        String big = "y".repeat(100_000);
        Frame f = FrameCodec.decode("{\"event\":\"e\",\"channel\":\"c\",\"data\":\"" + big + "\"}");
        assertEquals(big, f.data());
        assertEquals("PusherEvent{event=e, channel=c, data=" + "y".repeat(200) + "…(100000 chars)}", f.toString());
        assertEquals(
                "PusherEvent{event=e, data=short}",
                FrameCodec.decode("{\"event\":\"e\",\"data\":\"short\"}").toString());
    }

    @Test
    void stringDataThatIsNotJsonStaysAString() throws Exception {
        Frame f = FrameCodec.decode("{\"event\":\"e\",\"data\":\"hello\"}");
        assertEquals("hello", f.data());
        assertEquals("hello", ((JsonString) f.json()).getString());
    }

    /**
     * pusher-js keeps the raw string unless JSON.parse accepts the whole of it; the npm pusher library
     * sends string data unencoded, so text that merely starts like JSON is common.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "3 new messages",
                "true story",
                "2024-05-01",
                "{\"a\":1} junk",
                "[1] [2]",
                "null pointer",
                "\"quoted\" and more",
                "12abc"
            })
    void stringDataThatOnlyStartsLikeJsonStaysAString(String text) throws Exception {
        Frame f = FrameCodec.decode(FrameCodec.encode("e", FrameCodec.json().createValue(text), null));
        assertEquals(text, f.data());
        assertEquals(FrameCodec.json().createValue(text), f.json());
    }

    @Test
    void jsonDataWithSurroundingWhitespaceIsParsed() throws Exception {
        Frame f = FrameCodec.decode(FrameCodec.encode("e", FrameCodec.json().createValue(" {\"a\":1}\n "), null));
        assertEquals(1, f.json().asJsonObject().getInt("a"));
    }

    @Test
    void objectDataIsUsedAsItIs() throws Exception {
        Frame f = FrameCodec.decode("{\"event\":\"pusher:error\",\"data\":{\"code\":4004,\"message\":\"x\"}}");
        assertEquals(4004, f.json().asJsonObject().getInt("code"));
        assertEquals("{\"code\":4004,\"message\":\"x\"}", f.data());
    }

    @Test
    void missingDataIsNullAndEmpty() throws Exception {
        Frame f = FrameCodec.decode("{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"c\"}");
        assertFalse(f.hasData());
        assertEquals("", f.data());
        assertEquals(JsonValue.NULL, f.json());
    }

    @Test
    void userIdIsKeptWhenPresentAndTruthy() throws Exception {
        assertEquals(
                Optional.of("42"),
                FrameCodec.decode(
                                "{\"event\":\"client-typing\",\"channel\":\"presence-room\",\"data\":\"{}\",\"user_id\":\"42\"}")
                        .userId());
        assertEquals(
                Optional.of("7"),
                FrameCodec.decode("{\"event\":\"e\",\"user_id\":7}").userId());
        assertEquals(
                Optional.empty(),
                FrameCodec.decode("{\"event\":\"e\",\"user_id\":\"\"}").userId());
    }

    @Test
    void unknownMembersAndMemberOrderDoNotMatter() throws Exception {
        Frame f = FrameCodec.decode("{\"data\":\"1\",\"extra\":{\"a\":[1,2]},\"channel\":\"c\",\"event\":\"e\"}");
        assertEquals("e", f.eventName());
        assertEquals(1, ((JsonNumber) f.json()).intValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "{}",
                "[1,2]",
                "null",
                "42",
                "{\"event\":7}",
                "{\"event\":\"e\"} trailing",
                "{\"event\":\"e\"",
                "{\"event\":\"e\",}"
            })
    void framesThatAreNotPusherMessagesAreRejectedWithTheText(String text) {
        FrameParseException e = assertThrows(FrameParseException.class, () -> FrameCodec.decode(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void longFramesAreAbbreviatedInErrors() {
        String big = "x".repeat(10_000);
        FrameParseException e = assertThrows(FrameParseException.class, () -> FrameCodec.decode(big));
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        assertTrue(e.getMessage().contains("10000 chars"));
    }

    @Test
    void encodesLikePusherJs() {
        assertEquals(
                "{\"event\":\"pusher:ping\",\"data\":{}}",
                FrameCodec.encode("pusher:ping", JsonValue.EMPTY_JSON_OBJECT, null));
        assertEquals(
                "{\"event\":\"client-typing\",\"data\":{\"on\":true},\"channel\":\"private-chat\"}",
                FrameCodec.encode(
                        "client-typing",
                        FrameCodec.json().createObjectBuilder().add("on", true).build(),
                        "private-chat"));
        assertEquals(
                "{\"event\":\"e\",\"data\":\"quote\\\" and \\\\ slash\"}",
                FrameCodec.encode("e", FrameCodec.json().createValue("quote\" and \\ slash"), null));
    }
}
