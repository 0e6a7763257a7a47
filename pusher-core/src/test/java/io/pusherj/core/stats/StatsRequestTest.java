package io.pusherj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.api.TimelineEntry;
import io.pusherj.core.protocol.FrameCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsRequestTest {
    @Test
    void encodesLikePusherJsXhrAgent() {
        StatsIdentity who = new StatsIdentity(7, "key", "java-pusherj", "0.1", "mt1", List.of("ws"), Map.of("x", "é"));
        TimelineEntry e = new TimelineEntry(
                1000,
                TimelineEntry.Level.INFO,
                FrameCodec.json()
                        .createObjectBuilder()
                        .add("state", "connected")
                        .build());
        var payload = StatsRequest.payload(who, 1, List.of(e));
        assertEquals(
                "{\"session\":7,\"bundle\":1,\"key\":\"key\",\"lib\":\"java-pusherj\",\"version\":\"0.1\","
                        + "\"cluster\":\"mt1\",\"features\":[\"ws\"],\"timeline\":[{\"state\":\"connected\",\"timestamp\":1000}],"
                        + "\"x\":\"é\"}",
                payload.toString());
        // btoa(utob(value)) then encodeURIComponent: "7" -> "Nw==" -> "Nw%3D%3D"; "é" is UTF-8 C3 A9 -> "w6k=".
        assertEquals(
                "http://stats.pusher.com/timeline/v2/xhr/2?session=Nw%3D%3D&bundle=MQ%3D%3D&key=a2V5"
                        + "&lib=amF2YS1wdXNoZXJq&version=MC4x&cluster=bXQx&features=WyJ3cyJd"
                        + "&timeline=W3sic3RhdGUiOiJjb25uZWN0ZWQiLCJ0aW1lc3RhbXAiOjEwMDB9XQ%3D%3D&x=w6k%3D",
                StatsRequest.uri(false, "stats.pusher.com", payload).toString());
        assertEquals(
                "https", StatsRequest.uri(true, "stats.pusher.com", payload).getScheme());
    }
}
