package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An UPDATE whose WHERE only tests the column it sets for holding something else than the value it gives
 * ({@code SET note = NULL WHERE note IS NOT NULL}, {@code SET state = 'done' WHERE state <> 'done'}) leaves out only
 * the rows it would not change: every value of that column is overwritten, as without the WHERE.
 */
class LinterUpdateOfChangedRowsOnlyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | UPDATE invoices SET note = NULL WHERE note IS NOT NULL                        | 1:1 always-true-where
            MYSQL      | UPDATE invoices SET state = 'done' WHERE state <> 'done'                      | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices i SET state = 'done' WHERE i.state != 'done'                  | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET state = 'done' WHERE state IS DISTINCT FROM 'done'        | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET note = NULL, state = 'x' WHERE (note IS NOT NULL OR state <> 'x') | 1:1 always-true-where
            ORACLE     | UPDATE invoices SET amount = 0 WHERE (amount <> 0)                            | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET latest = FALSE WHERE latest                             | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET latest = false WHERE invoices.latest = TRUE              | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET latest = FALSE WHERE latest IS TRUE                      | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET latest = FALSE WHERE latest IS NOT FALSE                 | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET latest = TRUE WHERE latest                              |
            POSTGRESQL | UPDATE invoices SET latest = FALSE WHERE latest AND state = 'x'              |
            POSTGRESQL | UPDATE invoices SET latest = FALSE WHERE NOT latest                          |
            POSTGRESQL | UPDATE invoices SET state = 'done' WHERE state <> 'new'                       |
            POSTGRESQL | UPDATE invoices SET note = NULL WHERE state IS NOT NULL                        |
            POSTGRESQL | UPDATE invoices SET note = NULL WHERE note IS NOT NULL AND id > 5             |
            POSTGRESQL | UPDATE invoices SET note = lower(note) WHERE note IS NOT NULL                 | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET note = coalesce(note, 'x') WHERE note IS NOT NULL        |
            POSTGRESQL | UPDATE invoices SET note = NULL, state = 'x' WHERE note IS NOT NULL AND state <> 'x' |
            POSTGRESQL | DELETE FROM invoices WHERE note IS NOT NULL                                    |
            POSTGRESQL | UPDATE invoices SET note = NULL WHERE note LIKE '%'                           | 1:1 always-true-where
            MYSQL      | UPDATE invoices SET note = NULL WHERE invoices.note LIKE '%%' OR state <> 'x'   |
            MYSQL      | UPDATE invoices SET note = NULL, state = 'x' WHERE note LIKE '%%' OR state <> 'x' | 1:1 always-true-where
            SQLITE     | UPDATE invoices SET note = NULL WHERE note GLOB '*'                           | 1:1 always-true-where
            POSTGRESQL | UPDATE invoices SET note = NULL WHERE note NOT LIKE '%'                       |
            POSTGRESQL | UPDATE invoices SET note = NULL WHERE note LIKE 'a%'                          |
            POSTGRESQL | UPDATE invoices SET note = '' WHERE note LIKE '%'                             |
            """)
    void aWhereThatOnlyLeavesOutUnchangedRowsRestrictsNothing(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> found = lint(dialect, sql + ";\n");

        assertEquals(expected == null ? List.of() : List.of(expected), found);
    }

    @Test
    void saysWhichColumnLosesItsValuesInsideABlock() throws IOException {
        write("""
                DO $$
                BEGIN
                  UPDATE invoices SET note = NULL WHERE note IS NOT NULL;
                END $$;
                """);

        List<String> messages = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();

        assertEquals(List.of("3:3 UPDATE with an always-true WHERE (note IS NOT NULL leaves out only the rows whose"
                + " note already is NULL, the value the SET gives it, so every value of note is overwritten)"
                + " changes every row of invoices (inside DO block)"), messages);
    }

    @Test
    void namesThePatternThatOnlyLeavesOutNulls() throws IOException {
        write("UPDATE invoices SET note = NULL WHERE note ILIKE '%';\n");

        List<String> messages = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();

        assertEquals(List.of("1:1 UPDATE with an always-true WHERE (note ILIKE '%' leaves out only the rows whose"
                + " note already is NULL, the value the SET gives it, so every value of note is overwritten)"
                + " changes every row of invoices"), messages);
    }

    private List<String> lint(Dialect dialect, String sql) throws IOException {
        write(sql);
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> !f.ruleId().equals("update-without-where") || !sql.contains("WHERE"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()).toList();
    }

    private void write(String sql) throws IOException {
        // The table comes from an earlier migration: a table the same script creates holds only its own rows.
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__schema.sql"), "CREATE TABLE invoices (id INT PRIMARY KEY,"
                + " note VARCHAR(20), state VARCHAR(10), amount INT, latest BOOLEAN);\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__change.sql"), sql, StandardCharsets.UTF_8);
    }
}
