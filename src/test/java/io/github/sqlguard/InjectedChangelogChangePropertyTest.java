package io.github.sqlguard;

import static io.github.sqlguard.PropertyTestText.excerpt;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.LineIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same promise for Liquibase XML and YAML changelogs from the corpus: a change that destroys data ({@code delete}
 * without a where, {@code dropTable}, {@code dropColumn}, raw {@code sql}) added to the changes of any
 * changeset that runs is reported on its own lines, whatever the changeset's attributes, preconditions and
 * neighbours (or the changelog is reported unreadable, or the entry holding the change unchecked). The places come
 * from a fixed seed ({@code -Dsqlguard.injectSeed}, {@code -Dsqlguard.injectTries}).
 */
class InjectedChangelogChangePropertyTest {

    private static final Path CORPUS = CorpusFiles.root();
    private static final int MAX_SOURCE_BYTES = 64 * 1024;
    private static final Duration PER_TRY = Duration.ofSeconds(30);
    private static final int TRIES = Integer.getInteger("sqlguard.injectTries", 40);
    private static final long SEED = Long.getLong("sqlguard.injectSeed", 20261204L);
    private static final List<String> DESTROYING = List.of("<delete tableName=\"injected_customers\"/>",
            "<dropTable tableName=\"injected_customers\"/>",
            "<dropColumn tableName=\"injected_customers\" columnName=\"email\"/>",
            "<sql>DELETE FROM injected_customers</sql>", "<sql><![CDATA[TRUNCATE TABLE injected_customers]]></sql>");
    private static final List<String> YAML_DESTROYING = List.of("delete:\n  tableName: injected_customers",
            "dropTable:\n  tableName: injected_customers",
            "dropColumn:\n  tableName: injected_customers\n  columnName: email",
            "sql:\n  sql: DELETE FROM injected_customers", "sql:\n  sql: |\n    TRUNCATE TABLE injected_customers");
    private static final Pattern YAML_CHANGES = Pattern.compile("(?m)^[ \\t-]*changes:[ \\t]*\\r?\\n");
    private static final Pattern YAML_ITEM = Pattern.compile("( *)- \\w");
    private static final Pattern CHANGESET_END = Pattern.compile("<(?:\\w+:)?rollback[\\s>/]|</(?:\\w+:)?changeSet>");

    @BeforeAll
    static void corpusIsThere() {
        CorpusFiles.folder();
    }

    static Stream<Arguments> tries() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of(0, CORPUS, 0L));
        }
        List<Path> files = new ArrayList<>();
        for (Path file : CorpusFiles.files(CORPUS, ".xml")) {
            if (Files.size(file) <= MAX_SOURCE_BYTES && !places(read(file)).isEmpty()) {
                files.add(file);
            }
        }
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> Arguments.of(i, files.get(random.nextInt(files.size())),
                random.nextLong()));
    }

    static Stream<Arguments> yamlTries() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of(0, CORPUS, 0L));
        }
        List<Path> files = new ArrayList<>();
        for (Path file : Stream.concat(CorpusFiles.files(CORPUS, ".yaml").stream(),
                CorpusFiles.files(CORPUS, ".yml").stream()).toList()) {
            if (Files.size(file) <= MAX_SOURCE_BYTES && !yamlPlaces(read(file)).isEmpty()) {
                files.add(file);
            }
        }
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> Arguments.of(i, files.get(random.nextInt(files.size())),
                random.nextLong()));
    }

    @TempDir
    Path project;

    @ParameterizedTest(name = "try {0}: {1}")
    @MethodSource("tries")
    void aDestroyingChangeAddedToAChangesetIsReportedOnItsLine(int attempt, Path source, long seed)
            throws IOException {
        String text = read(source);
        Random random = new Random(seed);
        List<Integer> places = places(text);
        int place = places.get(random.nextInt(places.size()));
        String injected = text.substring(0, place) + "\n" + DESTROYING.get(random.nextInt(DESTROYING.size()))
                + "\n" + text.substring(place);
        int line = new LineIndex(injected).lineOf(place + 1);
        assertReportedOn(source, injected, "db/changelog.xml", line, line);
    }

    @ParameterizedTest(name = "try {0}: {1}")
    @MethodSource("yamlTries")
    void aDestroyingChangeAddedToAYamlChangesetIsReportedOnItsLine(int attempt, Path source, long seed)
            throws IOException {
        String text = read(source);
        Random random = new Random(seed);
        List<YamlPlace> places = yamlPlaces(text);
        YamlPlace place = places.get(random.nextInt(places.size()));
        String item = " ".repeat(place.indent()) + "- " + YAML_DESTROYING.get(random.nextInt(YAML_DESTROYING.size()))
                .replace("\n", "\n" + " ".repeat(place.indent() + 4)) + "\n";
        String injected = text.substring(0, place.offset()) + item + text.substring(place.offset());
        LineIndex lines = new LineIndex(injected);
        assertReportedOn(source, injected, "db/changelog.yaml", lines.lineOf(place.offset()),
                lines.lineOf(place.offset() + item.length() - 1));
    }

    /** A line where a new item of a {@code changes:} list can begin, and that list's indentation. */
    record YamlPlace(int offset, int indent) {
    }

    /** The start of each {@code changes:} list's first item (block style, outside comments). */
    static List<YamlPlace> yamlPlaces(String text) {
        List<YamlPlace> places = new ArrayList<>();
        if (!text.contains("databaseChangeLog")) {
            return places;
        }
        Matcher changes = YAML_CHANGES.matcher(text);
        while (changes.find()) {
            int next = changes.end();
            Matcher item = YAML_ITEM.matcher(text).region(next, text.length());
            if (item.lookingAt()) {
                places.add(new YamlPlace(next, item.group(1).length()));
            }
        }
        return places;
    }

    /** Asserts that a finding of the changelog written as {@code path} lies on lines {@code first} to {@code last}. */
    private void assertReportedOn(Path source, String injected, String path, int first, int last)
            throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, injected, StandardCharsets.UTF_8);
        List<Finding> findings = assertTimeoutPreemptively(PER_TRY, () -> ProjectLint.findings(project,
                Dialect.AUTO), () -> "analysis of " + source + " did not end within " + PER_TRY);
        assertTrue(findings.stream().filter(f -> f.location().path().equals(path)).anyMatch(f -> f.location().line()
                >= first && f.location().line() <= last || coversTheWholeChangelog(f)
                || f.ruleId().equals("unchecked-change") && f.location().line() < first),
                () -> source + ": nothing reported on lines " + first + "-" + last + " for\n" + excerpt(injected, last)
                        + "\nfindings: " + findings.stream().map(f -> f.location().path() + ":"
                                + f.location().line() + ":" + f.ruleId()).collect(Collectors.joining(", ")));
    }

    /** A changelog that cannot be read is reported as such: none of its changes was checked, and it says so. */
    private static boolean coversTheWholeChangelog(Finding finding) {
        return finding.ruleId().equals("malformed-changelog");
    }

    /** Where a change can be added: before each running changeset's rollback or end tag, outside comments. */
    static List<Integer> places(String text) {
        List<Integer> places = new ArrayList<>();
        if (!text.contains("databaseChangeLog")) {
            return places;
        }
        Matcher end = CHANGESET_END.matcher(text);
        while (end.find()) {
            int at = end.start();
            if (insideComment(text, at) || insideRollback(text, at) || ignored(text, at)) {
                continue;
            }
            places.add(at);
        }
        return places;
    }

    /** True inside a changeset Liquibase never runs ({@code ignore="true"}). */
    private static boolean ignored(String text, int at) {
        int start = text.lastIndexOf("changeSet ", at);
        int tagEnd = start < 0 ? -1 : text.indexOf('>', start);
        return tagEnd > 0 && text.substring(start, tagEnd).replace(" ", "").contains("ignore=\"true\"");
    }

    private static boolean insideComment(String text, int at) {
        return text.lastIndexOf("<!--", at) > text.lastIndexOf("-->", at);
    }

    /** True for the end tag of a changeset whose rollback was already passed (its place is before the rollback). */
    private static boolean insideRollback(String text, int at) {
        int changeSet = text.lastIndexOf("changeSet", at);
        int rollback = text.lastIndexOf("rollback", at);
        return rollback > changeSet;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // a fixture in another encoding: the damaged-file tests cover those
        }
    }
}
