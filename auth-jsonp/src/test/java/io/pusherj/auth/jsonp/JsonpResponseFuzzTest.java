package io.pusherj.auth.jsonp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pusherj.testkit.SeededFuzzer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSONP body reader on a checked-in corpus and seeded mutations: it never throws, and what it returns
 * is always text from inside the body (it never evaluates or invents anything).
 */
class JsonpResponseFuzzTest {
    static final long SEED = 20261129L;
    static final int INPUTS = SeededFuzzer.inputs(20_000);

    @Test
    void noBodyMakesTheReaderThrowOrReturnTextFromOutsideTheCall() {
        List<String> corpus = SeededFuzzer.corpus(getClass().getResourceAsStream("bodies.corpus"));
        int ran = assertTimeoutPreemptively(
                Duration.ofMinutes(2),
                () -> SeededFuzzer.run(
                        corpus,
                        SEED,
                        INPUTS,
                        body -> JsonpResponse.extract(body, "pusherjCb1")
                                .ifPresent(json -> assertTrue(body.contains(json), "the JSON comes from the body")),
                        unexpected -> false));
        assertEquals(corpus.size() + INPUTS, ran);
    }
}
