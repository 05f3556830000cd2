package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real migrations from the shared corpus with statements cut short at a random token, their terminators kept
 * ({@code DELETE FROM t WHERE lower(name;}, {@code ALTER TABLE t DROP;}, {@code INSERT INTO t (a, b) SELECT;}), the
 * way a half-written script or a bad merge leaves them. Every reader of the statement model meets a statement
 * that ends where it expects more: the {@link Linter} must never give up on the file ({@code analysis-failed})
 * nor throw. The cuts are drawn from a fixed seed, so a failing case can be replayed by its number; a longer search
 * runs with {@code -DargLine="-Dsqlguard.cutTries=600 -Dsqlguard.cutSeed=7"}.
 */
class CutStatementsPropertyTest {

    private static final Path CORPUS = CorpusFiles.root();
    private static final int MAX_SOURCE_BYTES = 24 * 1024;
    private static final Duration PER_TRY = Duration.ofSeconds(30);
    private static final int TRIES = Integer.getInteger("sqlguard.cutTries", 40);
    private static final long SEED = Long.getLong("sqlguard.cutSeed", 20261204L);

    @BeforeAll
    static void corpusIsThere() {
        CorpusFiles.folder();
    }

    /** Each try: a corpus file, the seed of its cuts, and a dialect. */
    static Stream<Arguments> tries() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of(0, CORPUS, 0L, Dialect.AUTO));
        }
        List<Path> files = CorpusFiles.files(CORPUS, ".sql").stream().filter(CutStatementsPropertyTest::small)
                .toList();
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> Arguments.of(i, files.get(random.nextInt(files.size())),
                random.nextLong(), random.nextBoolean() ? Dialect.AUTO
                        : Dialect.values()[random.nextInt(Dialect.values().length)]));
    }

    @TempDir
    Path project;

    @ParameterizedTest(name = "try {0}: {1} ({3})")
    @MethodSource("tries")
    void statementsCutShortAreAnalysedWithoutGivingUp(int attempt, Path source, long seed, Dialect dialect)
            throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        String cut = cutStatements(text, dialect, new Random(seed));
        Path file = project.resolve("db/V1__cut.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, cut, StandardCharsets.UTF_8);
        List<Finding> findings = assertTimeoutPreemptively(PER_TRY, () -> ProjectLint.findings(project, dialect),
                () -> "analysis of " + source + " with statements cut did not end within " + PER_TRY);
        for (Finding finding : findings) {
            assertTrue(!finding.ruleId().equals("analysis-failed"), source + " (" + dialect + ", cuts of seed "
                    + seed + "): " + finding);
        }
    }

    /**
     * {@code text} with about half of its statements cut after a random token of theirs; what follows a statement's
     * last token (its terminator, the next statement) stays.
     */
    static String cutStatements(String text, Dialect dialect, Random random) {
        List<Statement> statements = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", text)
                .statements();
        StringBuilder cut = new StringBuilder(text);
        for (int i = statements.size() - 1; i >= 0; i--) {
            List<Token> tokens = statements.get(i).tokens();
            if (tokens.size() < 2 || !random.nextBoolean()) {
                continue;
            }
            Token keptLast = tokens.get(random.nextInt(tokens.size() - 1));
            Token last = tokens.get(tokens.size() - 1);
            int from = keptLast.offset() + keptLast.text().length();
            int to = last.offset() + last.text().length();
            if (from < to && to <= cut.length() && cut.substring(keptLast.offset(), from).equals(keptLast.text())) {
                cut.delete(from, to);
            }
        }
        return cut.toString();
    }

    private static boolean small(Path file) {
        try {
            return Files.size(file) <= MAX_SOURCE_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
