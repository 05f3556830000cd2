package io.github.sqlguard;

import static io.github.sqlguard.PropertyTestText.excerpt;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise the plugin exists for, tested on real migrations: a statement that destroys data (a {@code DELETE}
 * without {@code WHERE}, a {@code TRUNCATE}, a dropped table or column, an {@code UPDATE} of every row) written
 * between two statements of any corpus script, ended the way the statement before it ends ({@code ;}, {@code /},
 * {@code GO}, a {@code DELIMITER} word), is reported on its own line, whatever the script around it holds.
 * The places are drawn from a fixed seed ({@code -Dsqlguard.injectSeed}, {@code -Dsqlguard.injectTries}), so a
 * failing try can be replayed by its number.
 */
class InjectedDestroyingStatementPropertyTest {

    private static final Path CORPUS = CorpusFiles.root();
    private static final int MAX_SOURCE_BYTES = 24 * 1024;
    private static final Duration PER_TRY = Duration.ofSeconds(30);
    private static final int TRIES = Integer.getInteger("sqlguard.injectTries", 40);
    private static final long SEED = Long.getLong("sqlguard.injectSeed", 20261204L);
    static final List<String> DESTROYING = List.of("DELETE FROM injected_customers",
            "delete from injected_customers", "DELETE /* every row */ FROM injected_customers",
            "DELETE FROM injected_customers WHERE 1 = 1", "TRUNCATE TABLE injected_customers",
            "DROP TABLE injected_customers", "UPDATE injected_customers SET active = 0",
            "ALTER TABLE injected_customers DROP COLUMN email");

    @BeforeAll
    static void corpusIsThere() {
        CorpusFiles.folder();
    }

    /** Each try: a corpus script and the seed that picks the gap the DELETE goes into. */
    static Stream<Arguments> tries() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of(0, CORPUS, 0L));
        }
        List<Path> files = CorpusFiles.files(CORPUS, ".sql").stream()
                .filter(InjectedDestroyingStatementPropertyTest::small)
                .toList();
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> Arguments.of(i, scriptWithGaps(files, random),
                random.nextLong()));
    }

    /** A random script of {@code files} that has a gap to write into (most one-statement fixtures have none). */
    private static Path scriptWithGaps(List<Path> files, Random random) {
        while (true) {
            Path file = files.get(random.nextInt(files.size()));
            try {
                if (!gaps(Files.readString(file, StandardCharsets.UTF_8), dialectOf(file)).isEmpty()) {
                    return file;
                }
            } catch (IOException e) {
                // an unreadable or non-UTF-8 fixture: the damaged-file tests cover those
            }
        }
    }

    @TempDir
    Path project;

    @ParameterizedTest(name = "try {0}: {1}")
    @MethodSource("tries")
    void aDestroyingStatementBetweenTwoStatementsIsReportedOnItsLine(int attempt, Path source, long seed)
            throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        Dialect dialect = dialectOf(source);
        List<Gap> gaps = gaps(text, dialect);
        Random random = new Random(seed);
        Gap gap = gaps.get(random.nextInt(gaps.size()));
        String injected = text.substring(0, gap.offset()) + DESTROYING.get(random.nextInt(DESTROYING.size()))
                + gap.terminator() + "\n"
                + text.substring(gap.offset());
        int line = new LineIndex(text).lineOf(gap.offset());
        Path file = project.resolve("db/V1__injected.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, injected, StandardCharsets.UTF_8);
        List<Finding> findings = assertTimeoutPreemptively(PER_TRY, () -> ProjectLint.findings(project, dialect),
                () -> "analysis of " + source + " did not end within " + PER_TRY);
        assertTrue(findings.stream().anyMatch(f -> f.location().line() == line),
                () -> source + " (" + dialect + "): nothing reported on line " + line + " for\n" + excerpt(injected,
                        line) + "\nfindings: " + findings.stream().map(f -> f.location().line() + ":"
                                + f.ruleId()).collect(Collectors.joining(", ")));
    }

    /**
     * A place between two statements: the start of a line, what ended the statement before it, and whether both
     * stand at the script's top level (not in a routine's or block's body).
     */
    record Gap(int offset, String terminator, boolean topLevel) {
    }

    /**
     * The places just after a top-level statement's terminator line where the next statement begins on a later
     * line: writing there cannot land inside a string, a comment or a block.
     */
    static List<Gap> gaps(String text, Dialect dialect) {
        List<Statement> statements = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", text)
                .statements();
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i + 1 < statements.size(); i++) {
            List<Token> these = statements.get(i).tokens();
            List<Token> next = statements.get(i + 1).tokens();
            if (these.isEmpty() || next.isEmpty()) {
                continue;
            }
            int end = these.get(these.size() - 1).endOffset();
            int nextStart = next.get(0).offset();
            if (end >= nextStart || nextStart > text.length()) {
                continue;
            }
            String between = text.substring(end, nextStart);
            boolean topLevel = topLevel(statements.get(i)) && topLevel(statements.get(i + 1));
            terminator(between).ifPresent(terminator -> {
                int lineEnd = text.indexOf('\n', end + between.indexOf(terminator.strip())
                        + terminator.strip().length());
                if (lineEnd >= 0 && lineEnd < nextStart && !text.substring(end, lineEnd).contains("/*")
                        && onlyLineComments(text.substring(lineEnd + 1, nextStart))) {
                    gaps.add(new Gap(lineEnd + 1, terminator, topLevel));
                }
            });
        }
        return gaps;
    }

    /** True when {@code lines} hold nothing but blank lines and line comments (no COPY data, for one). */
    private static boolean onlyLineComments(String lines) {
        return lines.lines().map(String::strip).allMatch(line -> line.isEmpty() || line.startsWith("--"));
    }

    private static boolean topLevel(Statement statement) {
        return statement.context().kind() == StatementContext.Kind.SCRIPT && statement.context().body() == null;
    }

    /** How the text between two statements ends the first: {@code ;}, {@code /} or {@code GO} on a line, a word. */
    private static Optional<String> terminator(String between) {
        String first = between.strip().split("\\s+", 2)[0];
        // A quote there closes a string the statement's tokens stand inside (a DO body read as statements).
        if (first.isEmpty() || first.startsWith("--") || first.startsWith("/*") || first.startsWith("#")
                || first.matches(".*['\"`].*")) {
            return Optional.empty();
        }
        if (first.equals("/") || first.equalsIgnoreCase("GO")) {
            return Optional.of("\n" + first);
        }
        return Optional.of(first);
    }

    static Dialect dialectOf(Path source) {
        String folder = CORPUS.relativize(source).toString().replace('\\', '/');
        if (folder.startsWith("sqlfluff/")) {
            String name = folder.substring("sqlfluff/".length()).split("/")[0].toUpperCase(Locale.ROOT);
            if (name.equals("TSQL")) {
                return Dialect.SQLSERVER;
            }
            if (name.equals("POSTGRES")) {
                return Dialect.POSTGRESQL;
            }
            return Stream.of(Dialect.values()).filter(d -> d.name().equals(name)).findFirst().orElse(Dialect.AUTO);
        }
        return folder.contains("lemmy") ? Dialect.POSTGRESQL : Dialect.AUTO;
    }

    static boolean small(Path file) {
        try {
            return Files.size(file) <= MAX_SOURCE_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
