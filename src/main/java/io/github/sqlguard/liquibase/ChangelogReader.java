package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.source.ReadResult;
import io.github.sqlguard.source.SourceReader;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The entry point for Liquibase: reads a root changelog (formatted SQL, XML, YAML or JSON), follows its
 * {@code include}, {@code includeAll} and {@code sqlFile} references, and returns every statement with
 * its position in the file it comes from. A file reached twice is read once; a file reached outside the
 * scanned directories is read and checked all the same, and reported so the user knows.
 */
public final class ChangelogReader {

    private final LiquibaseOptions options;
    private final ReferenceResolver resolver;
    private final Map<String, String> properties = new HashMap<>();
    private final PropertyAlternatives propertyAlternatives = new PropertyAlternatives();
    private final Set<Path> processed = new LinkedHashSet<>();
    /**
     * The folders outside the scanned directories that a finding already advised to scan: what a changelog out
     * there includes from within them (a module's master and its parts) is not reported once for each file.
     */
    private final Set<Path> outsideFoldersNamed = new HashSet<>();
    /** The changelogs being read, innermost first: an include of one of them closes a cycle. */
    private final Deque<Path> reading = new ArrayDeque<>();
    private final Map<String, ScriptCollector> collectors = new LinkedHashMap<>();
    private final List<Finding> problems = new ArrayList<>();
    private final MissingReferences missingReferences = new MissingReferences();
    private final List<Statement> runOrder = new ArrayList<>();
    private int changesets;
    /**
     * The databases the changelogs that include the one being read let it run on: Liquibase checks every changelog's
     * own {@code preConditions} before the update starts, so a {@code dbms} there limits each file it includes too.
     */
    private Optional<String> includerDbms = Optional.empty();

    private ChangelogReader(LiquibaseOptions options, Path rootChangelog, String rootRelativePath) {
        this.options = options;
        this.resolver = new ReferenceResolver(options.searchRoots(), options.classpathRoots(), rootChangelog,
                rootRelativePath);
    }

    /**
     * Reads {@code changelogFile}, whose text is {@code text} and whose path in findings is
     * {@code relativePath}; included files get paths relative to the same base directory.
     */
    public static Changelog read(Path changelogFile, String relativePath, String text, LiquibaseOptions options) {
        Path file = changelogFile.toAbsolutePath().normalize();
        ChangelogReader reader = new ChangelogReader(options, file, relativePath);
        reader.process(file, relativePath, text, false);
        OtherDatabaseRenditions.apply(reader.collectors.values(), reader.runOrder);
        List<ChangelogScript> scripts = reader.collectors.values().stream()
                .filter(c -> !c.isEmpty()).map(ScriptCollector::toScript).toList();
        return new Changelog(scripts, reader.problems(), reader.processed, reader.changesets, reader.runOrder);
    }

    /** Reads {@code changelogFile} from disk. */
    public static Changelog read(Path changelogFile, String relativePath, LiquibaseOptions options) {
        Path file = changelogFile.toAbsolutePath().normalize();
        ChangelogReader reader = new ChangelogReader(options, file, relativePath);
        Optional<String> text = reader.readText(file, relativePath, StandardCharsets.UTF_8);
        return text.map(t -> read(changelogFile, relativePath, t, options))
                .orElseGet(() -> new Changelog(List.of(), reader.problems(), Set.of(), 0, List.of()));
    }

    private List<Finding> problems() {
        List<Finding> all = new ArrayList<>(problems);
        all.addAll(missingReferences.findings(propertyAlternatives::databasesDefining));
        return all;
    }

    private void process(Path file, String relativePath, String text, boolean included) {
        if (!processed.add(file)) {
            return;
        }
        reading.push(file);
        try {
            processUnread(file, relativePath, text, included);
        } finally {
            reading.pop();
        }
    }

    /**
     * @param included true for a file an include names, which Liquibase refuses unless it is a changelog; a root
     *     or a file of an includeAll folder that is not one (any other YAML or XML file) is no changelog to check
     */
    private void processUnread(Path file, String relativePath, String text, boolean included) {
        collector(relativePath).text(text);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            processSql(file, relativePath, text);
            return;
        }
        try {
            ChangeNode root = name.endsWith(".xml") ? XmlChangelogParser.parse(text) : YamlChangelogParser.parse(text);
            boolean loneChangeSet = root != null && root.name().equals("changeSet") && name.endsWith(".xml")
                    && !included;
            if (loneChangeSet) {
                // Solidbase keeps one changeSet per file and wraps it into a
                // changelog when it runs the file: its changes reach the database all the same.
                root = new ChangeNode("databaseChangeLog", 1, 1, 0, Map.of(), Map.of(), null, null, List.of(root),
                        List.of());
            }
            if (root == null || !root.name().equals("databaseChangeLog")) {
                if (included) {
                    String kind = name.endsWith(".xml") ? "root element" : "key";
                    // A root written in another case (databaseChangelog) is the likely slip: name it, at its place.
                    boolean misspelt = root != null && root.name().equalsIgnoreCase("databaseChangeLog");
                    problems.add(ChangelogFindings.malformed(relativePath, misspelt ? root.line() : 1,
                            misspelt ? root.column() : 1, "it is included as a changelog but has no "
                            + "databaseChangeLog " + kind + (misspelt ? " (its " + kind + " is " + root.name()
                            + ", and Liquibase matches the name case by case)" : "")
                            + ", so Liquibase refuses the include"));
                } else {
                    processed.remove(file);
                }
                return;
            }
            new ChangeSetWalker(this, file, relativePath, loneChangeSet).walk(root);
        } catch (ChangelogSyntaxException e) {
            problems.add(ChangelogFindings.malformed(relativePath, e.line(), e.column(), e.getMessage()));
        }
    }

    private void processSql(Path file, String relativePath, String text) {
        if (FormattedSqlReader.isFormattedSql(text)) {
            FormattedSqlReader.Result result = FormattedSqlReader.read(relativePath, text, options, properties,
                    propertyAlternatives);
            changesets += result.changesets();
            problems.addAll(FormattedSqlReader.problems(relativePath, text, options));
            ScriptCollector collector = collector(relativePath);
            collector.add(result.script().script());
            // The file's --comment: lines acknowledge its changesets whichever changelog includes it.
            result.script().attachedComments().forEach(collector::attach);
            for (FormattedSqlReader.Include include : result.includes()) {
                include(file, relativePath, new Reference(include.target(), include.all(),
                        include.relativeToChangelogFile(), true, null, include.line(), include.column(), false));
            }
        } else {
            // A plain SQL file reached by includeAll: Liquibase runs it as one changeset.
            changesets++;
            StatementContext context = new StatementContext(StatementContext.Kind.SCRIPT, "sql file " + relativePath);
            collector(relativePath).add(new SqlRegionSplitter(options.fileDialect(relativePath), placeholders())
                    .split(relativePath, new TextRegion(text, 0, text.length(), 1, 1), null, context));
        }
    }

    /** The databases the changelogs including the one being read limit it to ({@link #includeLimitedTo}). */
    Optional<String> includerDbms() {
        return includerDbms;
    }

    /** Follows {@code reference} as {@link #include} does, its changesets limited to {@code dbms} where given. */
    void includeLimitedTo(Optional<String> dbms, Path from, String fromPath, Reference reference) {
        Optional<String> outer = includerDbms;
        includerDbms = dbms;
        try {
            include(from, fromPath, reference);
        } finally {
            includerDbms = outer;
        }
    }

    ScriptCollector collector(String relativePath) {
        return collectors.computeIfAbsent(relativePath, path -> new ScriptCollector(path, runOrder));
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

    /** A changelog property definition; {@code limits} holds its context, labels and dbms, if any. */
    void defineProperty(String name, String value, Map<String, String> limits) {
        propertyAlternatives.define(properties, name, value, limits);
    }

    /** The properties as runs on {@code databases} see them, see {@link PropertyAlternatives#on}. */
    RunProperties propertiesOn(DatabaseScope databases) {
        return propertyAlternatives.on(databases, options.properties());
    }

    void countChangeset() {
        changesets++;
    }

    void report(Finding finding) {
        problems.add(finding);
    }

    /** Follows an include or includeAll; a missing target is reported at the including element. */
    void include(Path from, String fromPath, Reference reference) {
        Optional<Path> resolved = resolve(from, fromPath, reference);
        if (resolved.isEmpty()) {
            return;
        }
        Charset charset = charsetOf(reference, fromPath);
        if (!reference.folder()) {
            if (isReadableChangelog(resolved.get(), fromPath, reference)) {
                readUnlessCycle(resolved.get(), charset, fromPath, reference);
            }
            return;
        }
        try {
            for (Path groovy : ReferenceResolver.groovyChangelogsIn(resolved.get())) {
                reportGroovy(groovy, fromPath, reference);
            }
            ReferenceResolver.changelogsIn(resolved.get())
                    .forEach(file -> readUnlessCycle(file, charset, fromPath, reference));
        } catch (IOException e) {
            problems.add(ChangelogFindings.malformed(fromPath, reference.line(), reference.column(),
                    "folder '" + reference.target() + "' cannot be listed: " + e.getMessage()));
        }
    }

    /**
     * True for a file Liquibase reads with a parser of its own: an included file of another kind is reported at
     * the include, since none of its changes can be checked (Liquibase picks the parser by the file's suffix).
     */
    private boolean isReadableChangelog(Path target, String fromPath, Reference reference) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(ReferenceResolver.GROOVY_SUFFIX)) {
            reportGroovy(target, fromPath, reference);
            return false;
        }
        if (ReferenceResolver.hasChangelogSuffix(name)) {
            return true;
        }
        problems.add(ChangelogFindings.malformed(fromPath, reference.line(), reference.column(), "'"
                + reference.target() + "' does not end in .xml, .yaml, .yml, .json or .sql, so Liquibase has no "
                + "parser for it and refuses the include; nothing in it was checked"));
        return false;
    }

    /** A Groovy DSL changelog: its changes are Groovy code, which sqlguard does not read. */
    private void reportGroovy(Path groovy, String fromPath, Reference reference) {
        // Reached, so the scan's copy of the file is not reported a second time as a changelog of its own.
        markProcessed(groovy);
        problems.add(ChangelogFindings.unchecked(fromPath, reference.line(), reference.column(),
                resolver.relativePathOf(groovy) + " is a Groovy changelog, which sqlguard does not read: none of "
                        + "its changes were checked"));
    }

    /**
     * The file or folder a reference names, reported at the referring element when it is missing (and
     * {@code errorIfMissing} holds) or when it lies outside the scanned directories.
     */
    Optional<Path> resolve(Path from, String fromPath, Reference reference) {
        Optional<Path> resolved = resolver.resolve(from, reference.target(), reference.relativeToChangelogFile());
        boolean exists = resolved.isPresent()
                && (reference.folder() ? Files.isDirectory(resolved.get()) : Files.isRegularFile(resolved.get()));
        if (!exists) {
            if (reference.errorIfMissing()) {
                missingReferences.add(fromPath, reference);
            }
            return Optional.empty();
        }
        Path target = resolved.get();
        boolean withinNamedFolder = resolver.isOutsideScannedDirectories(from)
                && outsideFoldersNamed.stream().anyMatch(target::startsWith);
        if (resolver.isOutsideScannedDirectories(target) && !processed.contains(target) && !withinNamedFolder) {
            Path folder = reference.folder() ? target : target.getParent();
            outsideFoldersNamed.add(folder);
            problems.add(ChangelogFindings.outsideDirectories(fromPath, reference, resolver.relativePathOf(folder)));
        }
        return resolved;
    }

    /**
     * The properties of a {@code <property file=..>} file, read as Liquibase reads them (Java properties,
     * ISO-8859-1); a missing file is reported at the element, unless {@code errorIfMissing} is false.
     */
    Map<String, String> propertyFile(Path from, String fromPath, Reference reference) {
        Optional<Path> resolved = resolver.resolve(from, reference.target(), reference.relativeToChangelogFile());
        if (resolved.isEmpty() || !Files.isRegularFile(resolved.get())) {
            if (reference.errorIfMissing()) {
                problems.add(ChangelogFindings.missingPropertyFile(fromPath, reference.line(), reference.column(),
                        String.valueOf(reference.target())));
            }
            return Map.of();
        }
        String relativePath = resolver.relativePathOf(resolved.get());
        Optional<String> text = readText(resolved.get(), relativePath, StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) {
            return Map.of();
        }
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(text.get()));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(ChangelogFindings.malformed(fromPath, reference.line(), reference.column(),
                    "property file '" + reference.target() + "' cannot be read: " + e.getMessage()));
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        loaded.stringPropertyNames().forEach(name -> values.put(name, loaded.getProperty(name)));
        return values;
    }

    /** The charset of a reference's {@code encoding} attribute; UTF-8, as in Liquibase, when it has none. */
    Charset charsetOf(Reference reference, String fromPath) {
        String encoding = reference.encoding();
        if (encoding == null || encoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add(ChangelogFindings.malformed(fromPath, reference.line(), reference.column(),
                    "encoding '" + encoding + "' is not known to Java; '" + reference.target()
                            + "' was read as UTF-8"));
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Reads an included file, unless it is one of the changelogs being read: Liquibase refuses such a cycle, so it
     * is reported at the include that closes it (each file of the cycle is still checked once).
     */
    private void readUnlessCycle(Path file, Charset charset, String fromPath, Reference reference) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!reading.contains(normalized)) {
            readAndProcess(normalized, charset, !reference.folder());
            return;
        }
        List<String> chain = new ArrayList<>();
        for (Path open : reading) {
            chain.add(0, resolver.relativePathOf(open));
            if (open.equals(normalized)) {
                break;
            }
        }
        chain.add(resolver.relativePathOf(normalized));
        problems.add(ChangelogFindings.includeCycle(fromPath, reference.line(), reference.column(),
                String.join(" -> ", chain)));
    }

    private void readAndProcess(Path file, Charset charset, boolean namedByInclude) {
        Path normalized = file.toAbsolutePath().normalize();
        if (processed.contains(normalized)) {
            return;
        }
        String relativePath = resolver.relativePathOf(normalized);
        readText(normalized, relativePath, charset)
                .ifPresent(text -> process(normalized, relativePath, text, namedByInclude));
    }

    /**
     * Reads a referenced file as Liquibase does, in {@code charset}, with the checks every scanned file gets:
     * binary content, size and bytes invalid in the charset are reported rather than passed.
     */
    Optional<String> readText(Path file, String relativePath, Charset charset) {
        ReadResult read = SourceReader.read(file, charset);
        if (read instanceof ReadResult.Unreadable unreadable) {
            problems.add(ChangelogFindings.unreadable(relativePath, unreadable.reason()));
            return Optional.empty();
        }
        ReadResult.Text text = (ReadResult.Text) read;
        text.decodeWarning().ifPresent(warning -> problems.add(ChangelogFindings.invalidEncoding(relativePath,
                warning.line(), warning.column(), warning.message(), charset.name())));
        return Optional.of(text.text());
    }

    void markProcessed(Path file) {
        processed.add(file.toAbsolutePath().normalize());
    }

    String relativePathFor(Path file) {
        return resolver.relativePathOf(file.toAbsolutePath().normalize());
    }
}
