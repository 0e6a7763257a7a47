package io.pusherj.xhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.pusherj.testkit.SeededFuzzer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The HTTP fallback line decoder on a checked-in corpus and seeded mutations, fed in random chunk sizes
 * as a response arrives: every line becomes a frame or a {@code malformed} call; nothing escapes, nothing
 * hangs.
 */
class XhrFramesFuzzTest {
    static final long SEED = 20261129L;
    static final int INPUTS = SeededFuzzer.inputs(20_000);

    @Test
    void noResponseTextMakesTheLineDecoderThrow() {
        List<String> corpus = SeededFuzzer.corpus(getClass().getResourceAsStream("lines.corpus"));
        Random chunks = new Random(SEED);
        int ran = assertTimeoutPreemptively(
                Duration.ofMinutes(2),
                () -> SeededFuzzer.run(
                        corpus,
                        SEED,
                        INPUTS,
                        input -> {
                            XhrFrames frames = new XhrFrames();
                            int at = 0;
                            while (at < input.length()) {
                                int end = Math.min(input.length(), at + 1 + chunks.nextInt(64));
                                frames.feed(input.subSequence(at, end), IGNORE);
                                at = end;
                            }
                        },
                        unexpected -> false));
        assertEquals(corpus.size() + INPUTS, ran);
    }

    private static final XhrFrames.Handler IGNORE = new XhrFrames.Handler() {
        @Override
        public void open(String json) {}

        @Override
        public void message(String text) {}

        @Override
        public void heartbeat() {}

        @Override
        public void close(int code, String reason) {}

        @Override
        public void malformed(String line) {}
    };
}
