package io.pusherj.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Another JVM running the harness (a server, or one run), and the JSON lines it prints. */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * The command that runs the harness with {@code args} in a new JVM, on this JVM's class path: leading
     * {@code -X} arguments go to the JVM.
     */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        int harnessArgs = 0;
        while (harnessArgs < args.length && args[harnessArgs].startsWith("-X")) {
            command.add(args[harnessArgs++]);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadHarness.class.getName()));
        command.addAll(Arrays.asList(args).subList(harnessArgs, args.length));
        return command;
    }

    /** {@return the {@code java} launcher of this JVM} */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The next line of {@code in} that is a JSON object (other lines are skipped); null at the end. */
    static JsonObject nextJsonLine(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("{")) {
                try (JsonReader json = Json.createReader(new StringReader(line))) {
                    return json.readObject();
                }
            }
        }
        return null;
    }
}
