package io.pusherj.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.pusherj.testkit.SeededFuzzer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frame decoder on a checked-in corpus and seeded mutations of it: every input either decodes (and
 * its data then reads as JSON or text, as a listener would ask) or is refused with a
 * {@link FrameParseException}; nothing else escapes, and nothing hangs.
 */
class FrameCodecFuzzTest {
    static final long SEED = 20261129L;
    static final int INPUTS = SeededFuzzer.inputs(20_000);

    @Test
    void noInputMakesTheDecoderThrowAnythingButFrameParseException() {
        List<String> corpus = SeededFuzzer.corpus(getClass().getResourceAsStream("frames.corpus"));
        int ran = assertTimeoutPreemptively(
                Duration.ofMinutes(2),
                () -> SeededFuzzer.run(
                        corpus,
                        SEED,
                        INPUTS,
                        input -> {
                            try {
                                Frame frame = FrameCodec.decode(input);
                                frame.json();
                                frame.data();
                            } catch (FrameParseException refused) {
                                // the one way to refuse a frame
                            }
                        },
                        unexpected -> false));
        assertEquals(corpus.size() + INPUTS, ran);
    }
}
