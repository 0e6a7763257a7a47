package io.pusherj.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BenchPayloadTest {
    @Test
    void aPayloadHasExactlyTheSizeAskedForAndReadsBackItsStamp() {
        String data = BenchPayload.encode(Long.MAX_VALUE, Long.MIN_VALUE, BenchPayload.MIN_BYTES);
        assertEquals(BenchPayload.MIN_BYTES, data.length(), "the largest numbers fit the smallest size");
        assertEquals(new BenchPayload.Stamp(Long.MAX_VALUE, Long.MIN_VALUE), BenchPayload.decode(data));
        String kib = BenchPayload.encode(7, 123_456_789, 1024);
        assertEquals(1024, kib.length());
        assertEquals(new BenchPayload.Stamp(7, 123_456_789), BenchPayload.decode(kib));
    }

    @Test
    void aSizeBelowTheSmallestIsRefusedWithTheSmallestInTheMessage() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> BenchPayload.encode(0, 0, BenchPayload.MIN_BYTES - 1));
        assertEquals("a bench payload is at least " + BenchPayload.MIN_BYTES + " bytes, got 44", e.getMessage());
    }

    @Test
    void dataThatIsNotABenchPayloadReadsAsNull() {
        assertNull(BenchPayload.decode("{\"hello\":\"world\"}"));
        assertNull(BenchPayload.decode("pjb 12"));
        assertNull(BenchPayload.decode("pjb x 3 pad"));
        assertNull(BenchPayload.decode("pjb -1 3 pad"));
        assertNull(BenchPayload.decode(null));
    }
}
