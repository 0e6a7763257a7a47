package io.pusherj.server;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;

/** Reads the SockJS path message {@code {"path":"/app/KEY?protocol=7&..."}} (docs/protocol.md §11.9). */
final class SockJsPaths {
    private SockJsPaths() {}

    /** The path, or null when the message is not a path message for {@code /app/KEY}. */
    static String path(String message) {
        try (var r = ServerFrames.JSON.createReader(new StringReader(message))) {
            if (r.readValue() instanceof JsonObject o
                    && o.get("path") instanceof JsonString p
                    && p.getString().matches("/app/[^/?]+(\\?.*)?")) {
                return p.getString();
            }
        } catch (RuntimeException e) {
            // not JSON: not a path message
        }
        return null;
    }

    /** The app key of a path. */
    static String key(String path) {
        String rest = path.substring("/app/".length());
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }
}
