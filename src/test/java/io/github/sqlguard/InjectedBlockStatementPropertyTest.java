package io.github.sqlguard;

import static io.github.sqlguard.PropertyTestText.excerpt;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.InjectedDestroyingStatementPropertyTest.Gap;
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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A statement that destroys data, wrapped in the blocks each dialect runs code in (a PostgreSQL {@code DO} block or
 * PL/pgSQL or SQL function or procedure, a MySQL procedure or trigger between {@code DELIMITER} lines, a PL/SQL
 * block or procedure ended by {@code /}, a T-SQL
 * {@code IF}, {@code WHILE} or {@code TRY} block, and the statement in dynamic SQL) and written between
 * two statements of a corpus script of that dialect, is reported on its own line: inside a body as much as at the
 * top. The places and wrappers come from a fixed seed ({@code -Dsqlguard.injectSeed},
 * {@code -Dsqlguard.injectTries}).
 */
class InjectedBlockStatementPropertyTest {

    private static final Path CORPUS = CorpusFiles.root();
    private static final Duration PER_TRY = Duration.ofSeconds(30);
    private static final int TRIES = Integer.getInteger("sqlguard.injectTries", 40);
    private static final long SEED = Long.getLong("sqlguard.injectSeed", 20261204L);
    /** The marker {@code <D>} stands for the destroying statement, on a line of its own in every wrapper. */
    private static final Map<Dialect, List<String>> WRAPPERS = Map.of(
            Dialect.POSTGRESQL, List.of(
                    "DO $$\nBEGIN\n  <D>;\nEND $$;",
                    "DO $body$\nDECLARE n int;\nBEGIN\n  IF n IS NULL THEN\n    <D>;\n  END IF;\nEND\n$body$;",
                    "CREATE OR REPLACE FUNCTION injected_purge() RETURNS void AS $$\nBEGIN\n  <D>;\nEND;\n"
                            + "$$ LANGUAGE plpgsql;",
                    "DO $$\nBEGIN\n  EXECUTE '\n<D>';\nEND $$;",
                    "CREATE FUNCTION injected_purge() RETURNS void LANGUAGE sql AS $fn$\n<D>;\n$fn$;",
                    "CREATE PROCEDURE injected_purge()\nLANGUAGE plpgsql\nAS $$\nBEGIN\n  <D>;\n  COMMIT;\nEND;\n$$;\n"
                            + "CALL injected_purge();",
                    "DO $$\nBEGIN\n  EXECUTE format('\n<D>');\nEND $$;"),
            Dialect.MYSQL, List.of(
                    "DELIMITER //\nCREATE PROCEDURE injected_purge()\nBEGIN\n  <D>;\nEND //\nDELIMITER ;",
                    "DELIMITER $$\nCREATE PROCEDURE injected_purge()\nBEGIN\n  IF 1 = 1 THEN\n    <D>;\n  END IF;\n"
                            + "END$$\nDELIMITER ;",
                    "SET @s = '\n<D>';\nPREPARE injected_stmt FROM @s;\nEXECUTE injected_stmt;",
                    "DELIMITER ;;\nCREATE TRIGGER injected_trigger AFTER INSERT ON orders FOR EACH ROW\nBEGIN\n"
                            + "  <D>;\nEND;;\nDELIMITER ;"),
            Dialect.ORACLE, List.of(
                    "BEGIN\n  <D>;\nEND;\n/",
                    "DECLARE\n  n NUMBER;\nBEGIN\n  FOR r IN 1..1 LOOP\n    <D>;\n  END LOOP;\nEND;\n/",
                    "BEGIN\n  EXECUTE IMMEDIATE '\n<D>';\nEND;\n/",
                    "CREATE OR REPLACE PROCEDURE injected_purge IS\nBEGIN\n  <D>;\nEND;\n/",
                    "DECLARE\n  n NUMBER;\nBEGIN\n  SELECT COUNT(*) INTO n FROM orders;\n  IF n > 0 THEN\n    <D>;\n"
                            + "  END IF;\nEXCEPTION\n  WHEN OTHERS THEN NULL;\nEND;\n/"),
            Dialect.SQLSERVER, List.of(
                    "IF OBJECT_ID('injected_customers') IS NOT NULL\nBEGIN\n  <D>;\nEND;",
                    "BEGIN TRY\n  <D>;\nEND TRY\nBEGIN CATCH\n  PRINT 'failed';\nEND CATCH;",
                    "EXEC('\n<D>');",
                    "EXEC sp_executesql N'\n<D>';",
                    "WHILE EXISTS (SELECT 1 FROM orders)\nBEGIN\n  <D>;\n  BREAK;\nEND;"));

    @BeforeAll
    static void corpusIsThere() {
        CorpusFiles.folder();
    }

    /** Each try: a corpus script of a dialect that has wrappers, and the seed of the gap, wrapper and statement. */
    static Stream<Arguments> tries() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of(0, CORPUS, 0L));
        }
        Map<Dialect, List<Path>> byDialect = new TreeMap<>();
        for (Path file : CorpusFiles.files(CORPUS, ".sql")) {
            Dialect dialect = dialect(file);
            if (WRAPPERS.containsKey(dialect) && InjectedDestroyingStatementPropertyTest.small(file)
                    && !semicolonGaps(read(file), dialect).isEmpty()) {
                byDialect.computeIfAbsent(dialect, d -> new ArrayList<>()).add(file);
            }
        }
        // Each dialect as often as the others, however many scripts of it the corpus holds.
        List<List<Path>> dialects = List.copyOf(byDialect.values());
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> {
            List<Path> files = dialects.get(random.nextInt(dialects.size()));
            return Arguments.of(i, files.get(random.nextInt(files.size())), random.nextLong());
        });
    }

    @TempDir
    Path project;

    @ParameterizedTest(name = "try {0}: {1}")
    @MethodSource("tries")
    void aDestroyingStatementInsideABlockIsReportedOnItsLine(int attempt, Path source, long seed)
            throws IOException {
        String text = read(source);
        Dialect dialect = dialect(source);
        Random random = new Random(seed);
        List<Gap> gaps = semicolonGaps(text, dialect);
        Gap gap = gaps.get(random.nextInt(gaps.size()));
        List<String> wrappers = WRAPPERS.get(dialect);
        String wrapper = wrappers.get(random.nextInt(wrappers.size()));
        List<String> destroying = InjectedDestroyingStatementPropertyTest.DESTROYING;
        String block = wrapper.replace("<D>", destroying.get(random.nextInt(destroying.size())));
        String injected = text.substring(0, gap.offset()) + block + "\n" + text.substring(gap.offset());
        int line = new LineIndex(injected).lineOf(gap.offset()) + (int) wrapper.substring(0, wrapper.indexOf("<D>"))
                .chars().filter(c -> c == '\n').count();
        Path file = project.resolve("db/V1__injected.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, injected, StandardCharsets.UTF_8);
        List<Finding> findings = assertTimeoutPreemptively(PER_TRY, () -> ProjectLint.findings(project, dialect),
                () -> "analysis of " + source + " did not end within " + PER_TRY);
        assertTrue(findings.stream().anyMatch(f -> f.location().line() == line),
                () -> source + " (" + dialect + "): nothing reported on line " + line + " for\n"
                        + excerpt(injected, line) + "\nfindings: " + findings.stream().map(f -> f.location().line()
                                + ":" + f.ruleId()).collect(Collectors.joining(", ")));
    }

    /**
     * The gaps at the top level after a statement that {@code ;} ends (T-SQL: also {@code GO}, PL/SQL {@code /}): a
     * block may begin there.
     */
    private static List<Gap> semicolonGaps(String text, Dialect dialect) {
        return InjectedDestroyingStatementPropertyTest.gaps(text, dialect).stream().filter(Gap::topLevel)
                .filter(gap -> gap.terminator().equals(";") || dialect == Dialect.SQLSERVER
                        && gap.terminator().strip().equalsIgnoreCase("GO")
                        || dialect == Dialect.ORACLE && gap.terminator().strip().equals("/"))
                .toList();
    }

    /** The dialect of a corpus script, MariaDB's read as MySQL's. */
    private static Dialect dialect(Path file) {
        Dialect dialect = InjectedDestroyingStatementPropertyTest.dialectOf(file);
        return dialect == Dialect.MARIADB ? Dialect.MYSQL : dialect;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // a fixture in another encoding: the damaged-file tests cover those
        }
    }
}
