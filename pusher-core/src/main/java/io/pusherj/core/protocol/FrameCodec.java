package io.pusherj.core.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * Decodes and encodes Pusher messages with JSON-P. One {@link JsonProvider} is looked up once and reused:
 * {@code Json.createReader} looks the provider up on every call, which is an order of magnitude slower.
 */
public final class FrameCodec {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_PREVIEW = 200;

    private FrameCodec() {}

    /** The shared provider, for code that builds JSON values. */
    public static JsonProvider json() {
        return JSON;
    }

    /**
     * Decodes one frame. Streams over the text once, keeping {@code data} as received (docs/protocol.md §2).
     *
     * @throws FrameParseException if the text is not a JSON object with a string {@code event}
     */
    public static Frame decode(String text) throws FrameParseException {
        String event = null;
        String channel = null;
        String userId = null;
        JsonValue data = null;
        try (JsonParser p = JSON.createParser(new StringReader(text))) {
            if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
                throw new FrameParseException("frame is not a JSON object: " + preview(text), null);
            }
            while (true) {
                JsonParser.Event e = p.next();
                if (e == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String key = p.getString();
                p.next();
                switch (key) {
                    case "event" -> event = stringOrNull(p.getValue());
                    case "channel" -> channel = stringOrNull(p.getValue());
                    case "user_id" -> userId = userIdOf(p.getValue());
                    case "data" -> data = p.getValue();
                    default -> p.getValue();
                }
            }
            if (p.hasNext()) {
                throw new FrameParseException("trailing content after the JSON object: " + preview(text), null);
            }
        } catch (RuntimeException e) {
            // Not only jakarta.json.JsonException: Parsson reports nesting deeper than 1,000 with a plain
            // RuntimeException,
            // and a parser misused by odd input throws IllegalStateException or NoSuchElementException
            // (all found by FrameCodecFuzzTest). Every one of them means "not a frame".
            throw new FrameParseException("frame is not valid JSON: " + preview(text), e);
        }
        if (event == null) {
            throw new FrameParseException("frame has no string 'event' member: " + preview(text), null);
        }
        return new Frame(event, channel, data, userId);
    }

    /** pusher-js keeps a {@code user_id} only when it is truthy; a number is kept as its text. */
    private static String userIdOf(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString().isEmpty() ? null : s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return null;
    }

    private static String stringOrNull(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : null;
    }

    /**
     * The pusher-js data rule: a string holding JSON becomes that value, any other string stays a string,
     * a missing member is {@link JsonValue#NULL}.
     */
    static JsonValue decodeData(JsonValue raw) {
        if (raw == null) {
            return JsonValue.NULL;
        }
        if (raw instanceof JsonString s) {
            JsonValue parsed = parseOrNull(s.getString());
            return parsed != null ? parsed : raw;
        }
        return raw;
    }

    /**
     * Parses JSON text into a value, or returns null if it is not exactly one JSON value: like
     * JavaScript's {@code JSON.parse}, text after the value (other than whitespace) makes the whole text
     * "not JSON". A reader's {@code readValue()} alone stops after the first value, so {@code "3 new
     * messages"} would become the number 3 and {@code "2024-05-01"} the number 2024.
     */
    public static JsonValue parseOrNull(String text) {
        try (JsonParser p = JSON.createParser(new StringReader(text))) {
            if (!p.hasNext()) {
                return null;
            }
            p.next();
            JsonValue value = p.getValue();
            return p.hasNext() ? null : value;
        } catch (RuntimeException e) {
            return null; // JsonException, or the plain RuntimeException of too deep nesting (see decode)
        }
    }

    /** The data of a frame as an object, or an empty object (for fields such as {@code code}). */
    public static JsonObject dataObject(Frame frame) {
        JsonValue v = frame.json();
        return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    /**
     * Encodes {@code {"event":name,"data":data,"channel":channel}} the way pusher-js does: data as a JSON
     * value, channel only when given.
     */
    public static String encode(String event, JsonValue data, String channel) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.write("event", event);
            g.write("data", data);
            if (channel != null) {
                g.write("channel", channel);
            }
            g.writeEnd();
        }
        return out.toString();
    }

    /** A JSON object of string members, in the given order. */
    public static JsonObject object(Map<String, String> members) {
        var b = JSON.createObjectBuilder();
        members.forEach(b::add);
        return b.build();
    }

    /** The first characters of a frame, for error messages. */
    public static String preview(String text) {
        return text.length() <= MAX_PREVIEW ? text : text.substring(0, MAX_PREVIEW) + "…(" + text.length() + " chars)";
    }
}
