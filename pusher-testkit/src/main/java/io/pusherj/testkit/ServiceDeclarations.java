package io.pusherj.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks that a module declares the same service providers twice: with {@code provides} in
 * {@code module-info.java} (module path) and in {@code META-INF/services} (class path). A transport that
 * forgets one of them works in one setup and silently vanishes in the other.
 *
 * <pre>{@code
 * @Test void providersAreDeclaredForBothPaths() {
 *     ServiceDeclarations.assertConsistent(MyTransportProvider.class);
 * }
 * }</pre>
 */
public final class ServiceDeclarations {
    private ServiceDeclarations() {}

    /**
     * Compares the declarations of the module (or build output directory) that holds {@code anyClass}.
     *
     * @param anyClass any class of the module to check
     * @throws AssertionError describing every difference
     */
    public static void assertConsistent(Class<?> anyClass) {
        Path root = locationOf(anyClass);
        Map<String, Set<String>> fromModuleInfo = new TreeMap<>();
        try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
            for (ModuleDescriptor.Provides p : ModuleDescriptor.read(in).provides()) {
                fromModuleInfo.put(p.service(), new TreeSet<>(p.providers()));
            }
        } catch (IOException e) {
            throw new AssertionError("no module-info.class in " + root, e);
        }
        Map<String, Set<String>> fromServiceFiles = new TreeMap<>();
        Path services = root.resolve("META-INF/services");
        if (Files.isDirectory(services)) {
            try (var files = Files.list(services)) {
                for (Path f : files.toList()) {
                    fromServiceFiles.put(
                            f.getFileName().toString(),
                            Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                                    .map(l -> l.replaceAll("#.*", "").trim())
                                    .filter(l -> !l.isEmpty())
                                    .collect(Collectors.toCollection(TreeSet::new)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!fromModuleInfo.equals(fromServiceFiles)) {
            throw new AssertionError("module-info 'provides' " + fromModuleInfo + " differs from META-INF/services "
                    + fromServiceFiles + " in " + root);
        }
        if (fromModuleInfo.isEmpty()) {
            throw new AssertionError("no service providers declared in " + root);
        }
    }

    private static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
