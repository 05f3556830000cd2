package io.github.sqlguard;

import io.github.sqlguard.model.ContentHash;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a file's cached findings were computed with besides the file itself: the analysing code and every
 * setting that can change a finding. Two runs with the same fingerprint analyse equal bytes to equal findings.
 *
 * <p>The settings are read from {@link LintConfig} by reflection, component by component, so a setting added
 * later is part of the fingerprint without anyone remembering to add it. Only the components applied after the
 * analysis on every run are left out: pom suppressions, the baseline and the thread count.
 */
final class AnalysisFingerprint {

    /** Applied to the findings of every run, cached or not; changing them must not throw the cache away. */
    private static final Set<String> APPLIED_EVERY_RUN = Set.of("suppressions", "baselineFile", "threads");

    /** Dependencies whose version changes what is found; their class files are located, never loaded. */
    private static final String[] DEPENDENCY_RESOURCES = {
        "net/sf/jsqlparser/parser/CCJSqlParser.class", "org/yaml/snakeyaml/Yaml.class"};

    private AnalysisFingerprint() {
    }

    /** The fingerprint of {@code config} analysed by this build of sqlguard, as hex. */
    static String of(LintConfig config) {
        StringBuilder text = new StringBuilder("code=").append(codeIdentity()).append('\n');
        for (RecordComponent component : LintConfig.class.getRecordComponents()) {
            if (!APPLIED_EVERY_RUN.contains(component.getName())) {
                text.append(component.getName()).append('=');
                appendValue(text, valueOf(component, config));
                text.append('\n');
            }
        }
        return ContentHash.of(text);
    }

    /**
     * Identifies the analysing code: the plugin's version alone would not do, because a rebuilt SNAPSHOT keeps
     * its version. A jar by its path, size and time; a classes folder, as in the plugin's own tests, by the
     * names, sizes and times of its files.
     */
    static String codeIdentity() {
        return CodeIdentity.VALUE;
    }

    /** Computed once per class loader: the code cannot change while it runs. */
    private static final class CodeIdentity {
        static final String VALUE = computeCodeIdentity();
    }

    private static String computeCodeIdentity() {
        StringBuilder identity = new StringBuilder(String.valueOf(Linter.class.getPackage().getImplementationVersion()));
        try {
            CodeSource source = Linter.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location != null && Files.isRegularFile(location)) {
                // Installing or rebuilding a jar writes it anew, so its size and time change with its content.
                identity.append(" jar ").append(location).append(' ').append(Files.size(location)).append(' ')
                        .append(Files.getLastModifiedTime(location).toMillis());
            } else if (location != null && Files.isDirectory(location)) {
                identity.append(" classes ").append(folderIdentity(location));
            } else {
                identity.append(" unknown ").append(System.nanoTime());
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Without a way to recognise the code, no earlier result may be trusted: a key nobody had before.
            identity.append(" unreadable ").append(System.nanoTime());
        }
        ClassLoader loader = Linter.class.getClassLoader();
        for (String resource : DEPENDENCY_RESOURCES) {
            URL url = loader == null ? null : loader.getResource(resource);
            identity.append(' ').append(url);
        }
        return identity.toString();
    }

    private static String folderIdentity(Path folder) throws IOException {
        StringBuilder listing = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                listing.append(folder.relativize(file)).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        }
        return ContentHash.of(listing);
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read setting " + component.getName(), e);
        }
    }

    /** A value as text that does not depend on hash iteration order. */
    private static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value.getClass().isRecord()) {
            out.append(value.getClass().getSimpleName()).append('{');
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                out.append(component.getName()).append('=');
                appendValue(out, valueOf(component, value));
                out.append(';');
            }
            out.append('}');
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(String.valueOf(key), entry));
            out.append('{');
            sorted.forEach((key, entry) -> {
                appendQuoted(out, key);
                out.append(':');
                appendValue(out, entry);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof Set<?> set) {
            out.append('{');
            new TreeSet<>(set.stream().map(String::valueOf).toList()).forEach(item -> appendQuoted(out, item));
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            list.forEach(item -> {
                appendValue(out, item);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof Path path) {
            appendQuoted(out, path.toAbsolutePath().normalize().toString());
        } else if (value instanceof Charset charset) {
            out.append(charset.name());
        } else {
            appendQuoted(out, String.valueOf(value));
        }
    }

    private static void appendQuoted(StringBuilder out, String text) {
        out.append(text.length()).append(':').append(text);
    }

}
