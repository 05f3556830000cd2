package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A script that drops a table, creates it again and drops it before it ends uses it as its own work table: the
 * first drop clears what an earlier, failed run left, and is INFO naming both lines. A table the script keeps, a
 * temporary one or one an earlier migration created is still dropped with its rows.
 */
class LinterLeftoverWorkTableTest {

    private static final String NOTE = " (guarded: table tmp_dups is created again at line 2 and dropped at line 4:"
            + " the script's own work table, left over from an earlier run of it)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | DROP TABLE tmp_dups; CREATE TABLE tmp_dups AS SELECT id FROM links GROUP BY id HAVING count(*) > 1; DELETE FROM links WHERE id IN (SELECT id FROM tmp_dups); DROP TABLE tmp_dups; | drop-table@1:INFO
            POSTGRESQL | DROP TABLE IF EXISTS tmp_dups; CREATE TABLE tmp_dups (id int); INSERT INTO tmp_dups SELECT id FROM links; DROP TABLE tmp_dups;                                           | drop-table@1:INFO
            MYSQL      | DROP TABLE tmp_user; CREATE TABLE tmp_user AS SELECT * FROM users; UPDATE users SET boss = NULL WHERE boss NOT IN (SELECT id FROM tmp_user);                                | drop-table@1:ERROR
            MYSQL      | DROP TABLE tmp_dups; CREATE TEMPORARY TABLE tmp_dups AS SELECT id FROM links; SELECT 1; DROP TABLE tmp_dups;                                                                | drop-table@1:ERROR
            MYSQL      | DROP TABLE tmp_dups; CREATE TABLE other AS SELECT id FROM links; SELECT 1; DROP TABLE other;                                                                                 | drop-table@1:ERROR
            """)
    void aTableTheScriptCreatesAndDropsAgainIsItsWorkTable(Dialect dialect, String sql, String expected)
            throws IOException {
        TestProject.write(project, "db/V2__dedupe.sql", sql.replace("; ", ";\n") + "\n");

        String found = describe(TestProject.lint(project, dialect).findings());

        assertEquals(expected.equals("drop-table@1:INFO") ? expected + NOTE : expected, found);
    }

    @Test
    void aTableAnEarlierMigrationCreatedLosesItsRows() throws IOException {
        TestProject.write(project, "db/V1__links.sql", "CREATE TABLE tmp_dups (id int);\n");
        TestProject.write(project, "db/V2__dedupe.sql", "DROP TABLE tmp_dups;\nCREATE TABLE tmp_dups AS SELECT 1;\n"
                + "SELECT 1;\nDROP TABLE tmp_dups;\n");

        assertEquals("drop-table@1:ERROR", describe(TestProject.lint(project, Dialect.MYSQL).findings()));
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> {
            int note = f.message().indexOf(" (guarded: ");
            return f.ruleId() + "@" + f.location().line() + ":" + f.severity()
                    + (note < 0 ? "" : f.message().substring(note));
        }).collect(Collectors.joining(" / "));
    }
}
