package io.pusherj.conformance;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/** JSON helpers of the suite: parsing, the canonical text records are compared by, and subset matching. */
final class JsonValues {
    static final JsonProvider JSON = JsonProvider.provider();

    private JsonValues() {}

    /** Parses one JSON value. */
    static JsonValue parse(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /**
     * The canonical text of a value: object members sorted by name, numbers in their shortest exact form,
     * so two records that mean the same compare equal whichever client produced them.
     */
    static String canonical(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, JsonValue> sorted = new TreeMap<>(value.asJsonObject());
                out.append('{');
                boolean first = true;
                for (var e : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(JSON.createValue(e.getKey())).append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                JsonArray a = value.asJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(a.get(i), out);
                }
                out.append(']');
            }
            case NUMBER ->
                out.append(((JsonNumber) value)
                        .bigDecimalValue()
                        .stripTrailingZeros()
                        .toPlainString());
            default -> out.append(value);
        }
    }

    /**
     * Whether {@code value} matches {@code pattern}: every member the pattern names matches (other members
     * of the value do not matter), arrays match element by element, anything else must be equal.
     */
    static boolean matches(JsonValue pattern, JsonValue value) {
        if (pattern instanceof JsonObject p) {
            return value instanceof JsonObject v
                    && p.entrySet().stream()
                            .allMatch(e -> v.containsKey(e.getKey()) && matches(e.getValue(), v.get(e.getKey())));
        }
        if (pattern instanceof JsonArray p) {
            if (!(value instanceof JsonArray v) || v.size() != p.size()) {
                return false;
            }
            for (int i = 0; i < p.size(); i++) {
                if (!matches(p.get(i), v.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return value != null && canonical(pattern).equals(canonical(value));
    }
}
