package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PL/SQL's bulk form of a row loop: {@code SELECT id BULK COLLECT INTO ids FROM t} (or {@code FETCH c BULK COLLECT
 * INTO ids}) and then {@code FORALL i IN 1 .. ids.COUNT DELETE FROM t WHERE id = ids(i)} changes every row the query
 * read, as the {@code FOR r IN (SELECT id FROM t) LOOP} of {@link LinterRowLoopChangesTest} does.
 */
class LinterBulkCollectForallChangesTest {

    private static final String SELECTED = """
            DECLARE
              TYPE ids_t IS TABLE OF t1.id%%TYPE;
              ids ids_t;
            BEGIN
              SELECT id BULK COLLECT INTO ids FROM %s;
              FORALL i IN %s
                %s
            END;
            /
            """;

    private static final String FETCHED_IN_BATCHES = """
            DECLARE
              CURSOR c IS SELECT id FROM %s;
              TYPE ids_t IS TABLE OF t1.id%%TYPE;
              ids ids_t;
            BEGIN
              OPEN c;
              LOOP
                FETCH c BULK COLLECT INTO ids LIMIT 1000;
                %s
                FORALL i IN 1 .. ids.COUNT
                  %s
                %s
              END LOOP;
              CLOSE c;
            END;
            /
            """;

    private static final String COUNT_EXIT = "EXIT WHEN ids.COUNT = 0;";
    private static final String NOTFOUND_EXIT = "EXIT WHEN c%NOTFOUND;";

    static Stream<Arguments> loops() {
        return Stream.of(
                // Over the collected query's own table without a filter: every row.
                Arguments.of(SELECTED.formatted("t1", "1 .. ids.COUNT", "DELETE FROM t1 WHERE id = ids(i);"),
                        List.of("7:5 always-true-where")),
                Arguments.of(SELECTED.formatted("t1", "1..ids.COUNT", "DELETE FROM t1 WHERE ids(i) = id;"),
                        List.of("7:5 always-true-where")),
                Arguments.of(SELECTED.formatted("t1", "ids.FIRST .. ids.LAST",
                        "UPDATE t1 SET a = NULL WHERE id = ids(i);"), List.of("7:5 always-true-where")),
                Arguments.of(SELECTED.formatted("t1", "INDICES OF ids SAVE EXCEPTIONS",
                        "DELETE FROM t1 WHERE t1.id = ids(i);"), List.of("7:5 always-true-where")),
                Arguments.of(FETCHED_IN_BATCHES.formatted("t1", COUNT_EXIT, "DELETE FROM t1 WHERE id = ids(i);", ""),
                        List.of("11:7 always-true-where")),
                Arguments.of(FETCHED_IN_BATCHES.formatted("t1", "", "DELETE FROM t1 WHERE id = ids(i);",
                        NOTFOUND_EXIT), List.of("11:7 always-true-where")),
                // A collection of records, the FORALL's element naming the field.
                Arguments.of("""
                        DECLARE
                          TYPE rows_t IS TABLE OF t1%ROWTYPE;
                          rws rows_t;
                        BEGIN
                          SELECT * BULK COLLECT INTO rws FROM t1;
                          FORALL i IN 1 .. rws.COUNT
                            DELETE FROM t1 WHERE id = rws(i).id;
                        END;
                        /
                        """, List.of("7:5 always-true-where")),
                Arguments.of("""
                        DECLARE
                          TYPE rows_t IS TABLE OF t1%ROWTYPE;
                          rws rows_t;
                        BEGIN
                          SELECT * BULK COLLECT INTO rws FROM t1 WHERE a IS NULL;
                          FORALL i IN 1 .. rws.COUNT
                            DELETE FROM t1 WHERE id = rws(i).id;
                        END;
                        /
                        """, List.of()),
                // Several collections, matched to the select list's items by position.
                Arguments.of("""
                        DECLARE
                          TYPE ids_t IS TABLE OF NUMBER;
                          TYPE names_t IS TABLE OF VARCHAR2(10);
                          names names_t;
                          ids ids_t;
                        BEGIN
                          SELECT a, id BULK COLLECT INTO names, ids FROM t1;
                          FORALL j IN 1 .. ids.COUNT
                            DELETE FROM t1 WHERE id = ids(j);
                        END;
                        /
                        """, List.of("9:5 always-true-where")),
                // The whole cursor at once, and a test of the count before the FORALL.
                Arguments.of("""
                        DECLARE
                          CURSOR c IS SELECT id FROM t1;
                          TYPE ids_t IS TABLE OF NUMBER;
                          ids ids_t;
                        BEGIN
                          OPEN c;
                          FETCH c BULK COLLECT INTO ids;
                          CLOSE c;
                          IF ids.COUNT > 0 THEN
                            FORALL i IN 1 .. ids.COUNT
                              DELETE FROM t1 WHERE id = ids(i);
                          END IF;
                        END;
                        /
                        """, List.of("11:7 always-true-where")),
                // Over another table: as many rows as an unfiltered subquery reaches.
                Arguments.of(SELECTED.formatted("t2", "1 .. ids.COUNT", "DELETE FROM t1 WHERE id = ids(i);"),
                        List.of("7:5 unfiltered-subquery")),
                Arguments.of(FETCHED_IN_BATCHES.formatted("t2", COUNT_EXIT, "DELETE FROM t1 WHERE id = ids(i);", ""),
                        List.of("11:7 unfiltered-subquery")),
                // The query chooses rows: only those go.
                Arguments.of(SELECTED.formatted("t1 WHERE a = 'old'", "1 .. ids.COUNT",
                        "DELETE FROM t1 WHERE id = ids(i);"), List.of()),
                Arguments.of(FETCHED_IN_BATCHES.formatted("t1 WHERE a IS NULL", COUNT_EXIT,
                        "DELETE FROM t1 WHERE id = ids(i);", ""), List.of()),
                // The statement restricts the rows further, or compares with something else.
                Arguments.of(SELECTED.formatted("t1", "1 .. ids.COUNT",
                        "DELETE FROM t1 WHERE id = ids(i) AND a IS NULL;"), List.of()),
                Arguments.of(SELECTED.formatted("t1", "1 .. ids.COUNT", "DELETE FROM t1 WHERE id = ids(1);"),
                        List.of()),
                Arguments.of(SELECTED.formatted("t1", "1 .. ids.COUNT", "DELETE FROM t1 WHERE id = other(i);"),
                        List.of()),
                // Only part of the collection.
                Arguments.of(SELECTED.formatted("t1", "2 .. ids.COUNT", "DELETE FROM t1 WHERE id = ids(i);"),
                        List.of()),
                Arguments.of(SELECTED.formatted("t1", "1 .. 10", "DELETE FROM t1 WHERE id = ids(i);"), List.of()),
                Arguments.of(SELECTED.formatted("t1", "INDICES OF ids BETWEEN 1 AND 10",
                        "DELETE FROM t1 WHERE id = ids(i);"), List.of()),
                // The collection changes between the fill and the FORALL.
                Arguments.of(SELECTED.formatted("t1", "1 .. ids.COUNT", "DELETE FROM t1 WHERE id = ids(i);")
                        .replace("  FORALL", "  ids.TRIM(10);\n  FORALL"), List.of()),
                // The batch loop leaves before the last, short batch, or fetches only once.
                Arguments.of(FETCHED_IN_BATCHES.formatted("t1", NOTFOUND_EXIT, "DELETE FROM t1 WHERE id = ids(i);",
                        ""), List.of()),
                Arguments.of(FETCHED_IN_BATCHES.formatted("t1", COUNT_EXIT, "DELETE FROM t1 WHERE id = ids(i);", "")
                        .replace("  LOOP\n", "  BEGIN\n").replace("END LOOP;", "END;"), List.of()));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aForallLimitedToTheCollectedRowReachesEveryRowTheQueryRead(String block, List<String> expected)
            throws IOException {
        TestProject.write(project, "db/V1__t.sql", """
                CREATE TABLE t1 (id INT PRIMARY KEY, a VARCHAR(10));
                CREATE TABLE t2 (id INT PRIMARY KEY);
                """);
        TestProject.write(project, "db/V2__bulk.sql", block);

        List<String> found = lint().findings().stream()
                .filter(f -> f.location().path().endsWith("V2__bulk.sql"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId())
                .toList();

        assertEquals(expected, found);
    }

    @Test
    void theMessageNamesTheForall() throws IOException {
        TestProject.write(project, "db/V1__t.sql", "CREATE TABLE t1 (id INT PRIMARY KEY, a VARCHAR(10));\n");
        TestProject.write(project, "db/V2__bulk.sql",
                SELECTED.formatted("t1", "1 .. ids.COUNT", "DELETE FROM t1 WHERE id = ids(i);"));

        List<String> messages = lint().findings().stream()
                .filter(f -> f.ruleId().equals("always-true-where"))
                .map(f -> f.message())
                .toList();

        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("the FORALL that runs it once for each row BULK COLLECT put in ids"),
                messages.get(0));
    }

    @TempDir
    Path project;

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.ORACLE, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
