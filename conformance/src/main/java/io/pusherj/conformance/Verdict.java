package io.pusherj.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The comparison of one script's two runs: the same, different only as allowed, different, or failed.
 *
 * @param script the script
 * @param failure why a run failed, or null
 * @param allowedBy the allowlist entries the differences needed
 * @param unlisted the differences no entry allows
 * @param pusherJs pusher-js's transcript (null if its run failed)
 * @param pusherj pusherj's transcript (null if its run failed)
 * @param flaky the first run's verdict when it failed and this second run passed, else null
 */
record Verdict(
        Script script,
        String failure,
        Set<String> allowedBy,
        List<Difference> unlisted,
        Transcript pusherJs,
        Transcript pusherj,
        Verdict flaky) {

    Verdict(
            Script script,
            String failure,
            Set<String> allowedBy,
            List<Difference> unlisted,
            Transcript pusherJs,
            Transcript pusherj) {
        this(script, failure, allowedBy, unlisted, pusherJs, pusherj, null);
    }

    /** This (passing) verdict of a second run, keeping the first run's failure for the report. */
    Verdict flakyAfter(Verdict firstRun) {
        return new Verdict(script, failure, allowedBy, unlisted, pusherJs, pusherj, firstRun);
    }

    static Verdict of(Script script, ScriptRun.Outcome js, ScriptRun.Outcome j, Allowlist allowlist) {
        if (js.failure() != null || j.failure() != null) {
            String why = String.join(
                    "; ",
                    Stream.of(js.failure(), j.failure())
                            .filter(Objects::nonNull)
                            .toList());
            return new Verdict(script, why, Set.of(), List.of(), js.transcript(), j.transcript());
        }
        Set<String> allowedBy = new LinkedHashSet<>();
        List<Difference> unlisted = new ArrayList<>();
        List<Difference> all = TranscriptDiff.between(js.transcript(), j.transcript());
        for (Difference d : all) {
            allowlist
                    .allowing(script.name(), d, all)
                    .ifPresentOrElse(e -> allowedBy.add(e.id()), () -> unlisted.add(d));
        }
        return new Verdict(script, null, allowedBy, unlisted, js.transcript(), j.transcript());
    }

    /** Whether the run completed and every unlisted difference is a reconnect delay in another bucket. */
    boolean onlyTimingDiffers() {
        return failure == null
                && !unlisted.isEmpty()
                && unlisted.stream()
                        .allMatch(d -> d.record().getString("s").equals("server")
                                && d.record().containsKey("after"));
    }

    boolean passed() {
        return failure == null && unlisted.isEmpty();
    }

    boolean same() {
        return passed() && allowedBy.isEmpty();
    }

    String describe(boolean always) {
        StringBuilder s = new StringBuilder();
        String status = failure != null ? "FAILED" : !unlisted.isEmpty() ? "DIFFERENT" : same() ? "same" : "allowed";
        s.append(String.format("%-9s %s%s%n", status, script.name(), allowedBy.isEmpty() ? "" : " " + allowedBy));
        if (flaky != null) {
            s.append("    FLAKY: the first run did not pass, the second did; make the script robust:\n");
            s.append(flaky.describe(false).lines().map(l -> "    " + l + "\n").reduce("", String::concat));
        }
        if (failure != null) {
            s.append("    ").append(failure).append('\n');
        }
        unlisted.forEach(d -> s.append("    ").append(d).append('\n'));
        if (always || !passed()) {
            if (pusherJs != null) {
                s.append("  pusher-js transcript:\n").append(TranscriptDiff.describe(pusherJs));
            }
            if (pusherj != null) {
                s.append("  pusherj transcript:\n").append(TranscriptDiff.describe(pusherj));
            }
        }
        return s.toString();
    }

    /** The Markdown table of every script's result, for {@code docs/conformance.md}. */
    static String table(List<Verdict> verdicts) {
        StringBuilder s = new StringBuilder("| script | covers | result |\n| --- | --- | --- |\n");
        for (Verdict v : verdicts) {
            String result = v.failure != null
                    ? "**failed**"
                    : !v.unlisted.isEmpty()
                            ? "**different**"
                            : v.same()
                                    ? "same"
                                    : "allowed: "
                                            + String.join(
                                                    ", ",
                                                    v.allowedBy.stream()
                                                            .map(id -> "`" + id + "`")
                                                            .toList());
            if (v.flaky != null) {
                result += " (flaky: passed on a second run)";
            }
            s.append("| `")
                    .append(v.script.name())
                    .append("` | ")
                    .append(String.join(", ", v.script.covers()))
                    .append(" | ")
                    .append(result)
                    .append(" |\n");
        }
        return s.toString();
    }
}
