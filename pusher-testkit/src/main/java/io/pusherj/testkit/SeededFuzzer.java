package io.pusherj.testkit;

import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A seeded random mutator for fuzz tests of decoders (frames, HTTP fallback lines, JSONP bodies). It is
 * deterministic for a seed, so a failure names its seed and input number and reproduces exactly; a
 * failing input belongs in the test's checked-in corpus afterwards.
 *
 * <p>Each input is a corpus entry with one to four mutations: a character replaced (often by one that
 * matters to JSON or to the line framing, or by a lone surrogate), a range deleted or repeated, a token
 * inserted ({@code "event"}, a backslash-u escape, {@code 1e999999}, a newline…), a truncation, a splice with another
 * entry, or deep nesting. Inputs stay under {@value #MAX_LENGTH} characters.
 *
 * <p>Why not Jazzer: it needs its native agent in the test JVM, which fights surefire's module path; a
 * seeded mutator over a good corpus finds the same class of crash here and runs anywhere.
 */
public final class SeededFuzzer {
    /** The longest input produced, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** System property that scales the number of mutated inputs (for long local runs). */
    public static final String INPUTS_PROPERTY = "pusherj.fuzz.inputs";

    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        "\"",
        "\\",
        "\\u",
        "\\uD800",
        "\\u0000",
        ":",
        ",",
        "null",
        "true",
        "false",
        "-0",
        "1e999999",
        "0.0000000000000000000001",
        "\"event\"",
        "\"data\"",
        "\"channel\"",
        "\"user_id\"",
        "\"pusher:connection_established\"",
        "\"socket_id\"",
        "\n",
        "\r\n",
        "a",
        "m",
        "o",
        "h",
        "c",
        "[\"",
        "\"]",
        "(",
        ")",
        ";",
        "/**/",
        "\u00e9",
        "\uD83D\uDE00",
        "\uD800",
        "\uDFFF",
        "\u0000",
        " "
    };
    private static final char[] SPECIALS = {
        '"', '\\', '{', '}', '[', ']', ':', ',', '\n', '\u0000', '\uD800', '\uDFFF', 'é', '0', '-', 'e', 'a', 'o', 'h',
        'c', 'm', '(', ')'
    };

    private final List<String> corpus;
    private final Random random;

    /**
     * A fuzzer over {@code corpus} (at least one entry) with the given seed.
     *
     * @param corpus the starting inputs the mutations begin from
     * @param seed the random seed; the same seed gives the same inputs
     */
    public SeededFuzzer(List<String> corpus, long seed) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty");
        }
        this.corpus = List.copyOf(corpus);
        this.random = new Random(seed);
    }

    /** {@return the next mutated input} */
    public String next() {
        StringBuilder b = new StringBuilder(pick());
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(b);
        }
        if (b.length() > MAX_LENGTH) {
            b.setLength(MAX_LENGTH);
        }
        return b.toString();
    }

    private String pick() {
        return corpus.get(random.nextInt(corpus.size()));
    }

    private void mutate(StringBuilder b) {
        int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
        switch (random.nextInt(8)) {
            case 0 -> {
                if (b.length() > 0) {
                    int i = Math.min(at, b.length() - 1);
                    b.setCharAt(
                            i,
                            random.nextBoolean()
                                    ? SPECIALS[random.nextInt(SPECIALS.length)]
                                    : (char) random.nextInt(0x3000));
                }
            }
            case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(16)));
            case 2 -> {
                int end = Math.min(b.length(), at + 1 + random.nextInt(64));
                String range = b.substring(at, end);
                int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 500 : 4);
                for (int i = 0; i < times && b.length() < MAX_LENGTH; i++) {
                    b.insert(at, range);
                }
            }
            case 3, 4 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
            case 5 -> b.setLength(at);
            case 6 -> {
                String other = pick();
                int from = random.nextInt(other.length() + 1);
                b.insert(at, other, from, other.length());
            }
            default -> {
                int depth = 1 + random.nextInt(random.nextBoolean() ? 20 : 5000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                b.insert(at, open.repeat(Math.min(depth, (MAX_LENGTH - b.length()) / open.length())));
            }
        }
    }

    /**
     * Feeds {@code target} every corpus entry, then {@code count} mutated inputs. An exception that
     * {@code expected} does not accept fails with an {@link AssertionError} naming the random seed, the input
     * number and the input.
     *
     * @param corpus the starting inputs the mutations begin from
     * @param seed the random seed; the same seed gives the same inputs
     * @param count how many mutated inputs
     * @param target the code under test
     * @param expected the exceptions the target may throw for bad input
     * @return how many inputs ran
     */
    public static int run(
            List<String> corpus, long seed, int count, Consumer<String> target, Predicate<Throwable> expected) {
        Objects.requireNonNull(target);
        SeededFuzzer fuzzer = new SeededFuzzer(corpus, seed);
        int ran = 0;
        for (int i = -corpus.size(); i < count; i++) {
            String input = i < 0 ? corpus.get(i + corpus.size()) : fuzzer.next();
            try {
                target.accept(input);
            } catch (RuntimeException | Error e) {
                if (!expected.test(e)) {
                    throw new AssertionError(
                            "seed " + seed + ", input " + i + " (" + input.length() + " chars): " + e + "\n"
                                    + preview(input),
                            e);
                }
            }
            ran++;
        }
        return ran;
    }

    /**
     * {@code ciDefault}, or the {@value #INPUTS_PROPERTY} system property when set (long local runs).
     *
     * @param ciDefault the count for CI
     * @return the count to run
     */
    public static int inputs(int ciDefault) {
        return Integer.getInteger(INPUTS_PROPERTY, ciDefault);
    }

    /**
     * Reads a corpus: JSON lines, each a JSON string holding one input (so inputs may hold newlines and any
     * character). Pass the test's own resource stream ({@code getClass().getResourceAsStream(…)}): on the
     * module path only the test's module may open its resources.
     *
     * @param in the resource stream
     * @return the inputs
     * @throws IllegalArgumentException if {@code in} is null or a line is not a JSON string
     */
    public static List<String> corpus(InputStream in) {
        if (in == null) {
            throw new IllegalArgumentException("no corpus: the resource was not found");
        }
        try (in) {
            List<String> inputs = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try (var r = Json.createReader(new StringReader(line))) {
                    JsonValue v = r.readValue();
                    if (!(v instanceof JsonString s)) {
                        throw new IllegalArgumentException("corpus lines are JSON strings: " + line);
                    }
                    inputs.add(s.getString());
                }
            }
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String preview(String input) {
        return input.length() <= 300 ? input : input.substring(0, 300) + "…";
    }
}
