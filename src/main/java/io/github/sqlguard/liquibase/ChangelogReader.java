package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.source.ReadResult;
import io.github.sqlguard.source.SourceReader;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The entry point for Liquibase: reads a root changelog (formatted SQL, XML, YAML or JSON), follows its
 * {@code include}, {@code includeAll} and {@code sqlFile} references, and returns every statement with
 * its position in the file it comes from. A file reached twice is read once.
 */
public final class ChangelogReader {

    private static final Pattern XML_ROOT = Pattern.compile("<([\\w.-]+:)?databaseChangeLog[\\s>/]");
    private static final Pattern YAML_ROOT_KEY = Pattern.compile("(?m)^\\s*[{]?\\s*[\"']?databaseChangeLog[\"']?\\s*:");
    private static final List<String> CHANGELOG_SUFFIXES = List.of(".xml", ".yaml", ".yml", ".json", ".sql");

    private final LiquibaseOptions options;
    private final Path baseDirectory;
    private final Map<String, String> properties = new HashMap<>();
    private final Set<Path> processed = new LinkedHashSet<>();
    private final Map<String, ScriptCollector> collectors = new LinkedHashMap<>();
    private final List<Finding> problems = new ArrayList<>();
    private int changesets;

    private ChangelogReader(LiquibaseOptions options, Path baseDirectory) {
        this.options = options;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Reads {@code changelogFile}, whose text is {@code text} and whose path in findings is
     * {@code relativePath}; included files get paths relative to the same base directory.
     */
    public static Changelog read(Path changelogFile, String relativePath, String text, LiquibaseOptions options) {
        Path file = changelogFile.toAbsolutePath().normalize();
        ChangelogReader reader = new ChangelogReader(options, baseDirectoryOf(file, relativePath));
        reader.process(file, relativePath, text);
        List<ChangelogScript> scripts = reader.collectors.values().stream()
                .filter(c -> !c.isEmpty()).map(ScriptCollector::toScript).toList();
        return new Changelog(scripts, reader.problems, reader.processed, reader.changesets);
    }

    /** Reads {@code changelogFile} from disk. */
    public static Changelog read(Path changelogFile, String relativePath, LiquibaseOptions options) {
        ChangelogReader reader = new ChangelogReader(options, baseDirectoryOf(
                changelogFile.toAbsolutePath().normalize(), relativePath));
        Optional<String> text = reader.readText(changelogFile, relativePath);
        return text.map(t -> read(changelogFile, relativePath, t, options))
                .orElseGet(() -> new Changelog(List.of(), reader.problems, Set.of(), 0));
    }

    /**
     * True when the file is a Liquibase changelog: formatted SQL by its first line, or an XML, YAML or
     * JSON file that mentions {@code databaseChangeLog} (a broken one is still a changelog, to be reported).
     */
    public static boolean isChangelog(String fileName, String text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            return FormattedSqlReader.isFormattedSql(text);
        }
        if (name.endsWith(".xml")) {
            return firstXmlElementIsChangelog(text);
        }
        return (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
                && YAML_ROOT_KEY.matcher(text).find();
    }

    private static boolean firstXmlElementIsChangelog(String text) {
        int i = text.indexOf('<');
        while (i >= 0 && i + 1 < text.length()) {
            if (text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i);
                i = close < 0 ? -1 : text.indexOf('<', close);
            } else if (text.charAt(i + 1) == '?' || text.charAt(i + 1) == '!') {
                int close = text.indexOf('>', i);
                i = close < 0 ? -1 : text.indexOf('<', close);
            } else {
                return XML_ROOT.matcher(text).region(i, text.length()).lookingAt();
            }
        }
        return false;
    }

    private static Path baseDirectoryOf(Path file, String relativePath) {
        Path relative = Path.of(relativePath.replace('\\', '/')).normalize();
        if (!relative.isAbsolute() && file.endsWith(relative)
                && file.getNameCount() > relative.getNameCount()) {
            return file.getRoot().resolve(file.subpath(0, file.getNameCount() - relative.getNameCount()));
        }
        Path parent = file.getParent();
        return parent == null ? file : parent;
    }

    private String relativePathOf(Path file) {
        try {
            return baseDirectory.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString().replace('\\', '/'); // another drive: no relative path exists
        }
    }

    private void process(Path file, String relativePath, String text) {
        if (!processed.add(file)) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            processSql(file, relativePath, text);
            return;
        }
        try {
            ChangeNode root = name.endsWith(".xml") ? XmlChangelogParser.parse(text) : YamlChangelogParser.parse(text);
            if (root == null || !root.name().equals("databaseChangeLog")) {
                processed.remove(file);
                return;
            }
            new ChangeSetWalker(this, file, relativePath).walk(root);
        } catch (ChangelogSyntaxException e) {
            problems.add(ChangelogFindings.malformed(relativePath, e.line(), e.column(), e.getMessage()));
        }
    }

    private void processSql(Path file, String relativePath, String text) {
        if (FormattedSqlReader.isFormattedSql(text)) {
            FormattedSqlReader.Result result = FormattedSqlReader.read(relativePath, text, options, properties);
            changesets += result.changesets();
            collector(relativePath).add(result.script().script());
            for (FormattedSqlReader.Include include : result.includes()) {
                include(file, relativePath, include.target(), include.all(), include.relativeToChangelogFile(),
                        true, include.line(), include.column());
            }
        } else {
            // A plain SQL file reached by includeAll: Liquibase runs it as one changeset.
            changesets++;
            StatementContext context = new StatementContext(StatementContext.Kind.SCRIPT, "sql file " + relativePath);
            collector(relativePath).add(new StatementSplitter(options.dialect(), placeholders())
                    .split(relativePath, text, 0, text.length(), 1, 1, context));
        }
    }

    ScriptCollector collector(String relativePath) {
        return collectors.computeIfAbsent(relativePath, ScriptCollector::new);
    }

    Placeholders placeholders() {
        Map<String, String> values = new HashMap<>(properties);
        values.putAll(options.properties());
        return new Placeholders("${", "}", values);
    }

    LiquibaseOptions options() {
        return options;
    }

    Map<String, String> properties() {
        return properties;
    }

    void countChangeset() {
        changesets++;
    }

    void report(Finding finding) {
        problems.add(finding);
    }

    /** Follows an include or includeAll; a missing target is reported at the including element. */
    void include(Path from, String fromPath, String target, boolean all, boolean relativeToChangelogFile,
            boolean errorIfMissing, int line, int column) {
        Optional<Path> resolved = resolve(from, target, relativeToChangelogFile);
        if (resolved.isEmpty() || (all ? !Files.isDirectory(resolved.get()) : !Files.isRegularFile(resolved.get()))) {
            if (errorIfMissing) {
                problems.add(ChangelogFindings.missingInclude(fromPath, line, column, target));
            }
            return;
        }
        if (!all) {
            readAndProcess(resolved.get());
            return;
        }
        try (Stream<Path> files = Files.walk(resolved.get())) {
            files.filter(Files::isRegularFile)
                    .filter(p -> CHANGELOG_SUFFIXES.stream().anyMatch(
                            s -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(s)))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList()
                    .forEach(this::readAndProcess);
        } catch (IOException e) {
            problems.add(ChangelogFindings.malformed(fromPath, line, column,
                    "folder '" + target + "' cannot be listed: " + e.getMessage()));
        }
    }

    private void readAndProcess(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (processed.contains(normalized)) {
            return;
        }
        String relativePath = relativePathOf(normalized);
        readText(normalized, relativePath).ifPresent(text -> process(normalized, relativePath, text));
    }

    /** Finds a referenced file: next to the changelog, or in the search roots and then next to it. */
    Optional<Path> resolve(Path from, String target, boolean relativeToChangelogFile) {
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        String cleaned = target.strip().replace('\\', '/');
        if (cleaned.startsWith("classpath:")) {
            cleaned = cleaned.substring("classpath:".length());
        }
        Path folder = from.getParent();
        try {
            if (relativeToChangelogFile) {
                return Optional.of(folder.resolve(cleaned).normalize());
            }
            String rooted = cleaned.replaceFirst("^/+", "");
            List<Path> candidates = new ArrayList<>();
            options.searchRoots().forEach(root -> candidates.add(root.toAbsolutePath().resolve(rooted).normalize()));
            candidates.add(folder.resolve(cleaned).normalize());
            candidates.add(baseDirectory.resolve(rooted).normalize());
            return candidates.stream().filter(Files::exists).findFirst().or(() -> Optional.of(candidates.get(0)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a referenced file as Liquibase does, as UTF-8, with the checks every scanned file gets: binary
     * content, size and bytes that are not UTF-8 are reported rather than passed.
     */
    Optional<String> readText(Path file, String relativePath) {
        ReadResult read = SourceReader.read(file, StandardCharsets.UTF_8);
        if (read instanceof ReadResult.Unreadable unreadable) {
            problems.add(ChangelogFindings.unreadable(relativePath, unreadable.reason()));
            return Optional.empty();
        }
        ReadResult.Text text = (ReadResult.Text) read;
        text.decodeWarning().ifPresent(warning -> problems.add(
                ChangelogFindings.invalidEncoding(relativePath, warning.line(), warning.message())));
        return Optional.of(text.text());
    }

    void markProcessed(Path file) {
        processed.add(file.toAbsolutePath().normalize());
    }

    String relativePathFor(Path file) {
        return relativePathOf(file.toAbsolutePath().normalize());
    }
}
