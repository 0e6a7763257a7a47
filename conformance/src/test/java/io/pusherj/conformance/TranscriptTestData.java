package io.pusherj.conformance;

import java.util.Arrays;

/** Transcripts made of client records only, for the comparison tests. */
final class TranscriptTestData {
    private TranscriptTestData() {}

    static Transcript transcript(String... records) {
        return Transcript.ofClientRecords(
                Arrays.stream(records).map(TranscriptDiffTest::record).toList());
    }
}
