package io.pusherj.conformance;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the differential conformance suite: every script with pusher-js and with pusherj, then compares.
 * Exit status 0 when every difference is allowed (and every allowance was needed), 1 otherwise.
 */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = "Runs each script with pusher-js 8.6.0 (Node) and pusherj against the testkit server and "
                + "fails on any difference allowed-differences.json does not list.")
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scripts", description = "the scripts directory (default: ${DEFAULT-VALUE})")
    Path scripts = Path.of("conformance/scripts");

    @Option(names = "--allowlist", description = "the allowed differences (default: ${DEFAULT-VALUE})")
    Path allowlist = Path.of("conformance/allowed-differences.json");

    @Option(names = "--decisions", description = "where allowed differences are explained (default: ${DEFAULT-VALUE})")
    Path decisions = Path.of("docs/decisions.md");

    @Option(
            names = "--driver",
            description = "the pusher-js driver's directory, npm-installed (default: ${DEFAULT-VALUE})")
    Path driver = Path.of("conformance/driver");

    @Option(names = "--only", split = ",", description = "run only these scripts (by name)")
    Set<String> only = new LinkedHashSet<>();

    @Option(names = "--parallel", description = "scripts run at once (default: ${DEFAULT-VALUE})")
    int parallel = 3;

    @Option(names = "--report", description = "where to write the Markdown report (default: ${DEFAULT-VALUE})")
    Path report = Path.of("conformance/target/conformance-report.md");

    @Option(names = "--show", description = "print both transcripts of every script, not only of failing ones")
    boolean show;

    @Option(
            names = "--pusherj-timing",
            defaultValue = "default",
            description = "pusherj's reconnect timing: default (its backoff, as users get it) or pusher-js "
                    + "(pusherJsReconnectTiming(), which must match pusher-js exactly) (default: ${DEFAULT-VALUE})")
    String pusherjTiming;

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Runs both clients at once, each with its own server (half the wall time, same behaviour), and compares. */
    private Verdict compare(Script script, Allowlist allowed, ExecutorService runs) {
        var js = CompletableFuture.supplyAsync(() -> ScriptRun.run(script, true, driver, false), runs);
        boolean pusherJsTiming = pusherjTiming.equals("pusher-js");
        var j = CompletableFuture.supplyAsync(() -> ScriptRun.run(script, false, driver, pusherJsTiming), runs);
        return Verdict.of(script, js.join(), j.join(), allowed);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!pusherjTiming.equals("default") && !pusherjTiming.equals("pusher-js")) {
            spec.commandLine().getErr().println("--pusherj-timing is default or pusher-js, not " + pusherjTiming);
            return 2;
        }
        out.println("pusherj reconnect timing: " + pusherjTiming);
        Allowlist allowed = Allowlist.read(allowlist, decisions, pusherjTiming);
        List<Script> selected = Script.readAll(scripts).stream()
                .filter(s -> only.isEmpty() || only.contains(s.name()))
                .toList();
        if (selected.isEmpty()) {
            spec.commandLine().getErr().println("no scripts selected in " + scripts);
            return 2;
        }
        long start = System.nanoTime();
        ExecutorService scriptsAtOnce = Executors.newFixedThreadPool(parallel);
        ExecutorService runs = Executors.newCachedThreadPool();
        List<Future<Verdict>> verdicts = new ArrayList<>();
        try {
            for (Script script : selected) {
                verdicts.add(scriptsAtOnce.submit(() -> {
                    Verdict first = compare(script, allowed, runs);
                    if (first.passed() || !first.onlyTimingDiffers()) {
                        return first; // a difference of behaviour fails at once: a race may not show twice
                    }
                    // Only a reconnect delay fell in another bucket: on a loaded machine that is timing. A
                    // script that passes the second time is reported as flaky, to be made robust, not hidden.
                    Verdict second = compare(script, allowed, runs);
                    return second.passed() ? second.flakyAfter(first) : second;
                }));
            }
            List<Verdict> results = new ArrayList<>();
            for (Future<Verdict> f : verdicts) {
                Verdict v = f.get();
                results.add(v);
                out.print(v.describe(show));
                out.flush();
            }
            Set<String> used = new LinkedHashSet<>();
            results.forEach(v -> used.addAll(v.allowedBy()));
            List<String> unused = allowed.entries().stream()
                    .map(Allowlist.Entry::id)
                    .filter(id -> !used.contains(id))
                    .toList();
            boolean complete = only.isEmpty();
            long failing = results.stream().filter(v -> !v.passed()).count();
            String markdown = Verdict.table(results);
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, markdown);
            out.printf(
                    "%n%d scripts in %.1f s: %d same, %d with allowed differences, %d failing, %d flaky%n",
                    results.size(),
                    (System.nanoTime() - start) / 1e9,
                    results.stream().filter(Verdict::same).count(),
                    results.stream().filter(v -> v.passed() && !v.same()).count(),
                    failing,
                    results.stream().filter(v -> v.flaky() != null).count());
            if (complete && !unused.isEmpty()) {
                out.println(
                        "allowed differences no script needed (remove them, or the script that needed them went missing): "
                                + unused);
            }
            out.println("report: " + report);
            return failing == 0 && (!complete || unused.isEmpty()) ? 0 : 1;
        } finally {
            scriptsAtOnce.shutdownNow();
            runs.shutdownNow();
        }
    }
}
