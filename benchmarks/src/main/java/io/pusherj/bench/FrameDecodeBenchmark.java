package io.pusherj.bench;

import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.protocol.FrameParseException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one incoming frame: the frames a client reads most, as the server sends them.
 * The result is returned so JMH consumes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameDecodeBenchmark {
    /** Which frame: see {@link SampleFrames}. */
    @Param({"connection_established", "event_40B", "event_1KiB", "event_json_string"})
    public String frame;

    private String text;

    /** Picks the frame text once per trial. */
    @Setup
    public void pick() {
        text = SampleFrames.incoming(frame);
    }

    /** One decode: event, channel, user id and the raw data value. */
    @Benchmark
    public Frame decode() throws FrameParseException {
        return FrameCodec.decode(text);
    }
}
