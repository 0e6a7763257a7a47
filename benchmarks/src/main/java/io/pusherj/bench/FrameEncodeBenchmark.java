package io.pusherj.bench;

import io.pusherj.core.protocol.FrameCodec;
import jakarta.json.JsonValue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Encoding the frames a client sends: subscribe, ping and a client event. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameEncodeBenchmark {
    private final JsonValue subscribeData =
            FrameCodec.json().createObjectBuilder().add("channel", "news").build();
    private final JsonValue clientEventData = FrameCodec.json()
            .createObjectBuilder()
            .add("id", 17)
            .add("text", SampleFrames.payload(40))
            .build();

    /** {@code pusher:subscribe} to a public channel. */
    @Benchmark
    public String subscribe() {
        return FrameCodec.encode("pusher:subscribe", subscribeData, null);
    }

    /** {@code pusher:ping}. */
    @Benchmark
    public String ping() {
        return FrameCodec.encode("pusher:ping", JsonValue.EMPTY_JSON_OBJECT, null);
    }

    /** A client event with a small object as data. */
    @Benchmark
    public String clientEvent() {
        return FrameCodec.encode("client-message", clientEventData, "private-chat");
    }
}
