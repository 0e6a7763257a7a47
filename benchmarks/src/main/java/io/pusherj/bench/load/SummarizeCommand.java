package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code summarize}: the summary lines again, from the run lines of saved {@code compare} output (one
 * file, or several runs' files together). Lines that are not run lines are skipped.
 */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = "Print summary lines (medians, ratios) for the run lines in saved compare output.")
final class SummarizeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON-lines output of compare.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        Map<String, Map<String, List<JsonObject>>> byStep = new LinkedHashMap<>();
        Map<String, String> measureOf = new LinkedHashMap<>();
        for (Path file : files) {
            for (String text : Files.readAllLines(file)) {
                if (!text.startsWith("{")) {
                    continue;
                }
                JsonObject line;
                try (JsonReader r = Json.createReader(new StringReader(text))) {
                    line = r.readObject();
                }
                if (line.containsKey("round") && line.containsKey("library") && line.containsKey("step")) {
                    String step = line.getString("step");
                    measureOf.put(step, line.getString("measure"));
                    byStep.computeIfAbsent(step, s -> new LinkedHashMap<>())
                            .computeIfAbsent(line.getString("library"), l -> new ArrayList<>())
                            .add(line);
                }
            }
        }
        String command = LoadHarness.commandLine(
                spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
        byStep.forEach((step, runs) -> Summaries.of(measureOf.get(step), step, runs, command)
                .forEach(spec.commandLine().getOut()::println));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
