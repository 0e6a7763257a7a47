package io.pusherj.server;

import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * One stats request the test server received ({@code GET /timeline/v2/xhr/2}), its query values decoded
 * (percent-encoding, then base64) back to what the client encoded.
 *
 * @param fields every query parameter, decoded, in order ({@code session}, {@code bundle}, {@code key},
 *               {@code lib}, {@code version}, {@code cluster}, {@code features}, {@code timeline}, then the
 *               client's {@code timelineParams})
 * @param host the {@code Host} header the request was sent with
 */
public record ReceivedStats(Map<String, String> fields, String host) {
    /**
     * A field parsed as JSON ({@code features} and {@code timeline} are arrays).
     *
     * @param field the form field name
     * @return its value parsed as JSON
     */
    public JsonValue json(String field) {
        String text = fields.get(field);
        if (text == null) {
            throw new IllegalArgumentException("no field " + field + " in " + fields.keySet());
        }
        try (var reader = ServerFrames.JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
