package io.pusherj.conformance;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One conformance script (a JSON file in {@code conformance/scripts}): the test server's settings, what
 * the client does ({@code client.options}, {@code client.actions}), and what the server does, step by
 * step ({@code steps}). Both clients run the same script against their own server; the README describes
 * every field.
 *
 * @param name the file name without {@code .json}
 * @param description what the script shows
 * @param covers the review findings, close-code rows and channel types it covers
 * @param server the test server's settings
 * @param options the client options both drivers apply
 * @param actions what the client does, in order, each optionally waiting for a record
 * @param steps what the server does, in order
 */
record Script(
        String name,
        String description,
        List<String> covers,
        JsonObject server,
        JsonObject options,
        JsonArray actions,
        JsonArray steps) {

    /** Reads a script file. */
    static Script read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        JsonObject o;
        try {
            o = JsonValues.parse(Files.readString(file)).asJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("script " + file + " is not a JSON object: " + e.getMessage(), e);
        }
        JsonObject client = o.getJsonObject("client");
        if (client == null || !o.containsKey("steps") || !o.containsKey("description")) {
            throw new IllegalArgumentException("script " + file + " needs description, client and steps");
        }
        return new Script(
                name,
                o.getString("description"),
                o.containsKey("covers") ? o.getJsonArray("covers").getValuesAs(JsonString::getString) : List.of(),
                o.containsKey("server") ? o.getJsonObject("server") : JsonValue.EMPTY_JSON_OBJECT,
                client.containsKey("options") ? client.getJsonObject("options") : JsonValue.EMPTY_JSON_OBJECT,
                client.getJsonArray("actions"),
                o.getJsonArray("steps"));
    }

    /** Reads every script of a directory, by name. */
    static List<Script> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .map(Script::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return whether pings and pongs are compared (they depend on timing, so only where a script is about them)} */
    boolean recordsPings() {
        return server.getBoolean("recordPings", false);
    }
}
