package io.pusherj.xhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §11.1-11.4: URLs and the line framing. */
class XhrFramesTest {
    final List<String> seen = new ArrayList<>();
    final XhrFrames.Handler recorder = new XhrFrames.Handler() {
        @Override
        public void open(String json) {
            seen.add("open:" + json);
        }

        @Override
        public void message(String text) {
            seen.add("message:" + text);
        }

        @Override
        public void heartbeat() {
            seen.add("heartbeat");
        }

        @Override
        public void close(int code, String reason) {
            seen.add("close:" + code + ":" + reason);
        }

        @Override
        public void malformed(String line) {
            seen.add("malformed:" + line);
        }
    };

    @Test
    void decodesEveryFrameTypeAcrossChunkBoundaries() {
        XhrFrames frames = new XhrFrames();
        frames.feed("hhhh\no{\"hostname\":\"h2\"}\na[\"{\\\"event\\\":\\\"a\\\"}\",\"{\\\"ev", recorder);
        assertFalse(frames.isIdle(), "an unfinished line waits");
        frames.feed("ent\\\":\\\"b\\\"}\"]\nm\"single\"\nh\nc[4100,\"over capacity\"]\n", recorder);
        assertTrue(frames.isIdle());
        assertEquals(
                List.of(
                        "heartbeat",
                        "open:{\"hostname\":\"h2\"}",
                        "message:{\"event\":\"a\"}",
                        "message:{\"event\":\"b\"}",
                        "message:single",
                        "heartbeat",
                        "close:4100:over capacity"),
                seen);
    }

    @Test
    void aResponseArrivingOneCharacterAtATimeDecodesTheSame() {
        XhrFrames frames = new XhrFrames();
        String text = "o\na[\"" + "x".repeat(300) + "\",\"y\"]\nh\n";
        for (char ch : text.toCharArray()) {
            frames.feed(String.valueOf(ch), recorder);
        }
        assertTrue(frames.isIdle());
        assertEquals(text.length(), frames.consumedChars());
        assertEquals(List.of("open:", "message:" + "x".repeat(300), "message:y", "heartbeat"), seen);
    }

    @Test
    void malformedLinesAreReportedNotThrown() {
        XhrFrames frames = new XhrFrames();
        frames.feed("a[1,2]\nm{}\nc[\"x\"]\nzzz\n", recorder);
        assertEquals(List.of("malformed:a[1,2]", "malformed:m{}", "malformed:c[\"x\"]", "malformed:zzz"), seen);
    }

    @Test
    void urlsFollowTheSessionLayout() {
        XhrSession session = new XhrSession(
                URI.create("https://sockjs-eu.pusher.com:443/pusher/app/KEY?protocol=7&client=js&version=8.6.0"));
        String receive = session.receiveUri("xhr_streaming").toString();
        assertTrue(
                receive.matches("https://sockjs-eu\\.pusher\\.com:443/pusher/app/KEY/\\d{1,3}/[0-9a-v]{8}/xhr_streaming"
                        + "\\?protocol=7&client=js&version=8\\.6\\.0&t=\\d+&n=\\d+"),
                receive);
        String send = session.sendUri().toString();
        assertTrue(
                send.matches(
                        "https://sockjs-eu\\.pusher\\.com:443/pusher/app/KEY/\\d{1,3}/[0-9a-v]{8}/xhr_send\\?t=\\d+&n=\\d+"),
                send);
        session.moveTo("sockjs-9.pusher.com");
        assertTrue(
                session.sendUri().toString().startsWith("https://sockjs-9.pusher.com:443/pusher/app/KEY/"),
                session.base());
    }

    @Test
    void aLineLongerThanTheLimitIsReportedOnceSkippedToItsEndAndNeverHeldWhole() {
        XhrFrames frames = new XhrFrames();
        frames.feed("h\na[\"", recorder);
        String megabyte = "x".repeat(1024 * 1024);
        int chunks = XhrFrames.MAX_LINE_CHARS / megabyte.length() + 3;
        int mostHeld = 0;
        for (int i = 0; i < chunks; i++) {
            frames.feed(megabyte, recorder);
            mostHeld = Math.max(mostHeld, frames.pendingChars());
        }
        assertFalse(frames.isIdle(), "still inside the long line");
        frames.feed("\"]\nm\"after\"\n", recorder);

        assertTrue(mostHeld <= XhrFrames.MAX_LINE_CHARS, "held " + mostHeld);
        assertEquals(3, seen.size(), seen::toString);
        assertEquals("heartbeat", seen.get(0));
        assertTrue(seen.get(1)
                .startsWith("malformed:a line longer than " + XhrFrames.MAX_LINE_CHARS + " characters: a[\"xx"));
        assertTrue(seen.get(1).length() < 200);
        assertEquals("message:after", seen.get(2));
        assertTrue(frames.isIdle());
    }
}
