package io.pusherj.conformance;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The differences pusherj keeps on purpose ({@code conformance/allowed-differences.json}). Each entry names
 * the section of {@code docs/decisions.md} that gives the reason, the scripts it applies to (all when it
 * names none), and the differences it allows: whose record the other client lacks and a pattern the record
 * matches. A difference no entry allows fails the suite; so does an entry whose section does not exist,
 * or that no script needed (it would hide the next difference of its kind without anyone deciding so).
 *
 * @param entries the entries, in file order
 */
record Allowlist(List<Entry> entries) {
    /**
     * One allowed difference of behaviour, as it shows in transcripts.
     *
     * @param id a short name, used in reports
     * @param decision {@code docs/decisions.md#anchor}, the reason
     * @param scripts the scripts it applies to; empty for all
     * @param differences what it allows: {@code client} (whose record it is) and {@code match} (a pattern)
     * @param together whether the differences are allowed only all at once, equally often: a record one
     *        client reports in another place than the other shows as a pair, and either one alone (or an
     *        extra copy on one side) would be a real difference
     */
    record Entry(String id, String decision, Set<String> scripts, List<JsonObject> differences, boolean together) {
        boolean allows(String script, Difference d) {
            return (scripts.isEmpty() || scripts.contains(script))
                    && differences.stream()
                            .anyMatch(allowed -> allowed.getString("client").equals(d.client())
                                    && JsonValues.matches(allowed.get("match"), d.record()));
        }
    }

    /** Reads the allowlist and checks that every entry points at a section of {@code decisions}. */
    static Allowlist read(Path file, Path decisions) {
        return read(file, decisions, "default");
    }

    /**
     * Reads the entries that apply when pusherj runs with {@code pusherjTiming} ({@code default} or
     * {@code pusher-js}): an entry with {@code "pusherjTiming"} applies in that timing only (a difference
     * that pusherj's backoff makes and {@code pusherJsReconnectTiming()} must not).
     */
    static Allowlist read(Path file, Path decisions, String pusherjTiming) {
        JsonArray array;
        String decisionsText;
        try {
            array = JsonValues.parse(Files.readString(file)).asJsonArray();
            decisionsText = Files.readString(decisions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> anchors = anchors(decisionsText);
        List<Entry> entries = new ArrayList<>();
        for (JsonValue v : array) {
            JsonObject o = v.asJsonObject();
            String decision = o.getString("decision");
            String anchor = decision.substring(decision.indexOf('#') + 1);
            if (!decision.startsWith("docs/decisions.md#") || !anchors.contains(anchor)) {
                throw new IllegalArgumentException("allowed difference '" + o.getString("id") + "' points at "
                        + decision + ", which is not a heading of " + decisions + " (headings: " + anchors + ")");
            }
            Set<String> scripts = o.containsKey("scripts")
                    ? Set.copyOf(o.getJsonArray("scripts").getValuesAs(JsonString::getString))
                    : Set.of();
            List<JsonObject> differences = o.getJsonArray("differences").getValuesAs(JsonObject.class);
            for (JsonObject d : differences) {
                if (!Set.of("pusher-js", "pusherj").contains(d.getString("client", ""))
                        || !(d.get("match") instanceof JsonObject)) {
                    throw new IllegalArgumentException("allowed difference '" + o.getString("id")
                            + "': each difference needs client (pusher-js or pusherj) and match (an object), got " + d);
                }
            }
            if (!o.getString("pusherjTiming", pusherjTiming).equals(pusherjTiming)) {
                continue;
            }
            entries.add(new Entry(
                    o.getString("id"), decision, scripts, List.copyOf(differences), o.getBoolean("together", false)));
        }
        return new Allowlist(List.copyOf(entries));
    }

    /** The first entry that allows {@code d} in {@code script}. */
    Optional<Entry> allowing(String script, Difference d) {
        return allowing(script, d, List.of(d));
    }

    /**
     * The first entry that allows {@code d} in {@code script}, given all the script's differences: an
     * entry marked {@code together} counts only when each of its differences is among them.
     */
    Optional<Entry> allowing(String script, Difference d, List<Difference> all) {
        return entries.stream()
                .filter(e -> e.allows(script, d) && (!e.together() || comeTogether(e, all)))
                .findFirst();
    }

    /** Each of the entry's differences is there, as often as every other: pairs, no extra copy on one side. */
    private static boolean comeTogether(Entry e, List<Difference> all) {
        Set<Long> counts = e.differences().stream()
                .map(allowed -> all.stream()
                        .filter(x -> allowed.getString("client").equals(x.client())
                                && JsonValues.matches(allowed.get("match"), x.record()))
                        .count())
                .collect(Collectors.toSet());
        return counts.size() == 1 && !counts.contains(0L);
    }

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(String markdown) {
        Matcher m = HEADING.matcher(markdown);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1)
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return out.stream().collect(Collectors.toUnmodifiableSet());
    }
}
