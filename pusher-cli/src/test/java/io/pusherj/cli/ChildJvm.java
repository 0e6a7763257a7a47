package io.pusherj.cli;

import io.pusherj.server.PusherTestServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** What a test needs to run the CLI in a JVM of its own: the class path it runs with, as jars. */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * {@return the command that runs {@code bench} against {@code server} in a JVM of its own, then
     * {@code extra}}; {@code dir} holds the jars made of class directories
     */
    static List<String> bench(Path dir, PusherTestServer server, String... extra) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(java(), "-cp", String.join(File.pathSeparator, runtimePath(dir)), Main.class.getName()));
        command.addAll(BenchArgs.against(server, server.appSecret(), extra));
        return command;
    }

    /** {@return the java launcher of this JVM} */
    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /**
     * What this test runs with, less the test framework: pusherj, the CLI and their dependencies, each a jar
     * as when installed. A directory of classes would not do: a JVM out of file descriptors cannot open the
     * file of a class it has not loaded yet, while a jar, once open, serves every class in it.
     */
    private static List<String> runtimePath(Path dir) throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String e : System.getProperty(property, "").split(File.pathSeparator)) {
                if (!e.isBlank()
                        && !e.contains("junit")
                        && !e.contains("opentest4j")
                        && !e.contains("apiguardian")
                        && !e.contains("surefire")
                        && !e.contains("test-classes")) {
                    entries.add(
                            Files.isDirectory(Path.of(e))
                                    ? asJar(Path.of(e), dir).toString()
                                    : e);
                }
            }
        }
        return List.copyOf(entries);
    }

    /** Packs a directory of classes into a jar in {@code dir}. */
    private static Path asJar(Path classes, Path dir) throws IOException {
        Path jar = Files.createTempFile(dir, "classes", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
