package io.github.sqlguard;

import static io.github.sqlguard.PropertyTestText.insert;
import static io.github.sqlguard.PropertyTestText.lengthOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.LineIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Liquibase changelogs (XML, YAML, JSON) from the shared corpus, damaged the ways structured files get
 * damaged (cut short, a stray markup or YAML token, a line indented wrongly or written twice, deep nesting, a
 * document type declaration, bytes invalid in UTF-8), go through the whole {@link Linter}: it never throws,
 * never hangs, never gives up on the changelog ({@code analysis-failed}), and every finding in it points inside
 * it. The damage comes from a fixed seed ({@code -Dsqlguard.changelogSeed}, {@code -Dsqlguard.changelogTries}),
 * so a failing try can be replayed by its number.
 */
class MangledChangelogPropertyTest {

    private static final Path CORPUS = CorpusFiles.root();
    private static final int MAX_SOURCE_BYTES = 16 * 1024;
    private static final Duration PER_TRY = Duration.ofSeconds(30);
    private static final int TRIES = Integer.getInteger("sqlguard.changelogTries", 40);
    private static final long SEED = Long.getLong("sqlguard.changelogSeed", 20261204L);

    @BeforeAll
    static void corpusIsThere() {
        CorpusFiles.folder();
    }

    /** One way of damaging a changelog. */
    enum Damage { CUT, STRAY_TOKEN, LINE_WRITTEN_TWICE, LINE_SHIFTED, DEEP_NESTING, DOCUMENT_TYPE, INVALID_BYTES }

    private static final List<String> TOKENS = List.of("<", ">", "&", "&amp", "<![CDATA[", "]]>", "<!--", "-->",
            "\"", "'", "</changeSet>", "<changeSet id=\"x\" author=\"y\">", "<sql>", "</sql>", "<delete/>",
            "<delete tableName=\"", "\t", ": ", "- ", "{", "}", "[", "]", ",", "&anchor ", "*alias ", "!!binary ",
            "${", "---\n", "? ", "|\n", ">-\n", "#", "\\u", "\\", "\u0000", "\uFEFF", "sql: DELETE FROM t\n",
            "- changeSet:\n", "\"changes\": [");

    /** Each try: a changelog, a damage, where it strikes, what it inserts and how deep, and a dialect. */
    static Stream<Arguments> tries() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of(0, CORPUS, Damage.CUT, 0.0, "<", 1, Dialect.AUTO));
        }
        List<Path> files = changelogs();
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> Arguments.of(i, files.get(random.nextInt(files.size())),
                Damage.values()[random.nextInt(Damage.values().length)], random.nextDouble(),
                TOKENS.get(random.nextInt(TOKENS.size())), 1 + random.nextInt(3000),
                Dialect.values()[random.nextInt(Dialect.values().length)]));
    }

    @ParameterizedTest(name = "try {0}: {2} of {1} ({6})")
    @MethodSource("tries")
    void damagedChangelogsAreAnalysedWithFindingsInsideThem(int attempt, Path source, Damage damage, double where,
            String token, int depth, Dialect dialect) throws IOException {
        byte[] damaged = damage(Files.readAllBytes(source), damage, where, token, depth, extension(source));
        Path project = Files.createTempDirectory("sqlguard-mangled-changelog");
        try {
            Path file = project.resolve("db/changelog-" + damage.name().toLowerCase() + "." + extension(source));
            Files.createDirectories(file.getParent());
            Files.write(file, damaged);
            LintResult result = assertTimeoutPreemptively(PER_TRY, () -> lint(project, dialect),
                    () -> "analysis of " + source + " after " + damage + " did not end within " + PER_TRY);
            String text = new String(damaged, StandardCharsets.UTF_8);
            LineIndex lines = new LineIndex(text);
            String path = "db/" + file.getFileName();
            for (Finding finding : result.findings()) {
                String context = source + " after " + damage + " (" + dialect + "): " + finding;
                assertTrue(!finding.ruleId().equals("analysis-failed"), context);
                if (!finding.location().path().equals(path)) {
                    continue; // a finding about an included file that the copied changelog names but lacks
                }
                int line = finding.location().line();
                assertTrue(line >= 1 && line <= lines.lineCount(), context + " lies past line " + lines.lineCount());
                int column = finding.location().column();
                assertTrue(column >= 1 && column <= lengthOf(text, lines, line) + 1,
                        context + " lies past the end of line " + line);
            }
            assertEquals(List.of(), result.findings().stream().map(f -> f.location().path())
                    .filter(p -> p.startsWith("..") || p.startsWith("/")).toList(),
                    "findings about files outside the project");
        } finally {
            deleteTree(project);
        }
    }

    private static List<Path> changelogs() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path file : CorpusFiles.files(CORPUS, "")) {
            String name = file.getFileName().toString();
            boolean structured = name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml")
                    || name.endsWith(".json");
            if (structured && Files.size(file) <= MAX_SOURCE_BYTES && mentionsChangelog(file)) {
                found.add(file);
            }
        }
        return found;
    }

    private static boolean mentionsChangelog(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("databaseChangeLog");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static byte[] damage(byte[] bytes, Damage damage, double where, String token, int depth,
            String extension) {
        int at = (int) Math.floor(where * bytes.length);
        return switch (damage) {
            case CUT -> Arrays.copyOf(bytes, at);
            case STRAY_TOKEN -> insert(bytes, at, token.getBytes(StandardCharsets.UTF_8));
            case LINE_WRITTEN_TWICE -> {
                int start = lineStart(bytes, at);
                yield insert(bytes, start, Arrays.copyOfRange(bytes, start, lineEnd(bytes, at)));
            }
            case LINE_SHIFTED -> insert(bytes, lineStart(bytes, at), " ".repeat(1 + depth % 3)
                    .getBytes(StandardCharsets.UTF_8));
            case DEEP_NESTING -> insert(bytes, lineStart(bytes, at), nesting(extension, depth)
                    .getBytes(StandardCharsets.UTF_8));
            case DOCUMENT_TYPE -> extension.equals("xml")
                    ? insert(bytes, afterXmlDeclaration(bytes), ("<!DOCTYPE databaseChangeLog [<!ENTITY a \""
                            + "x".repeat(depth) + "\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                            + "<!ENTITY outside SYSTEM \"file:///does/not/exist\">]>\n")
                            .getBytes(StandardCharsets.UTF_8))
                    : insert(bytes, 0, "%YAML 1.1\n---\n".getBytes(StandardCharsets.UTF_8));
            case INVALID_BYTES -> insert(bytes, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2,
                    (byte) 0x82});
        };
    }

    private static String nesting(String extension, int depth) {
        return switch (extension) {
            case "xml" -> "<a>".repeat(depth) + "</a>".repeat(depth / 2) + "\n";
            case "json" -> "[".repeat(depth) + "]".repeat(depth / 2) + "\n";
            default -> "k: ".repeat(Math.min(depth, 500)) + "[".repeat(depth) + "\n";
        };
    }

    private static int afterXmlDeclaration(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        int end = head.startsWith("<?xml") ? head.indexOf("?>") : -1;
        return end < 0 ? 0 : end + 2;
    }

    private static int lineStart(byte[] bytes, int at) {
        int start = Math.min(at, bytes.length);
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        return start;
    }

    private static int lineEnd(byte[] bytes, int at) {
        int end = Math.min(at, bytes.length);
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        return Math.min(end + 1, bytes.length);
    }

    private static LintResult lint(Path project, Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 1));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
