package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CockroachDB's index hints ({@code t@idx}, {@code t@{FORCE_INDEX=idx}}) choose how rows are found, not which
 * table: a finding names {@code t}, the statement is parsed, and the replay follows {@code t}.
 */
class LinterIndexHintTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AUTO       | DELETE FROM t@t_nid_idx                                   | 1:1 delete-without-where DELETE without WHERE removes every row of t
            POSTGRESQL | DELETE FROM app.t@t_nid_idx AS x                          | 1:1 delete-without-where DELETE without WHERE removes every row of app.t
            AUTO       | UPDATE t@{FORCE_INDEX=t_nid_idx,ASC} SET v = 'x'          | 1:1 update-without-where UPDATE without WHERE changes every row of t
            AUTO       | UPDATE t@"T Idx" SET v = 'x'                              | 1:1 update-without-where UPDATE without WHERE changes every row of t
            AUTO       | DELETE FROM t@{NO_FULL_SCAN}                              | 1:1 delete-without-where DELETE without WHERE removes every row of t
            AUTO       | DELETE FROM t@[2] WHERE true                              | 1:1 always-true-where DELETE with an always-true WHERE removes every row of t
            AUTO       | DELETE FROM t@{FORCE_INDEX=i} WHERE nid IN (SELECT nid FROM u@u_idx WHERE v = 'a') | -
            AUTO       | UPDATE t@t_nid_idx SET v = 'x' WHERE nid = 'a'            | -
            SQLSERVER  | DELETE FROM t@x                                           | 1:1 delete-without-where DELETE without WHERE removes every row of t@x
            ORACLE     | DELETE FROM t@remote                                      | 1:1 delete-without-where DELETE without WHERE removes every row of t@remote
            AUTO       | DROP INDEX IF EXISTS t@t_nid_idx CASCADE                  | 1:34 cascade DROP INDEX t@t_nid_idx CASCADE also drops every object that depends on it
            """)
    void theTableOfAHintedStatementIsTheOneBeforeTheHint(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> found = ProjectLint.findingsOfScript(project, dialect, sql + ";").stream()
                .map(ProjectLint::placeAndMessage).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE u (id INT PRIMARY KEY, v STRING); DELETE FROM u@primary;                                    | -
            INSERT INTO t_new (id, v) SELECT id, v FROM t@primary; DROP TABLE t;                                      | 2:1 drop-table DROP TABLE removes table t and all its rows (guarded: rows copied to t_new at line 1)
            """)
    void theReplayFollowsTheHintedTable(String sql, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE t (id INT PRIMARY KEY, v STRING);\n"
                + "CREATE TABLE t_new (id INT PRIMARY KEY, v STRING);\n", StandardCharsets.UTF_8);
        List<String> found = ProjectLint.findingsOfScript(project, Dialect.AUTO, sql.replace("; ", ";\n"))
                .stream()
                .map(ProjectLint::placeAndMessage).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

}
