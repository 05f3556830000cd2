package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A WHERE that compares a column of the target with the min or max of that column over the whole target keeps only
 * the row holding that one value: {@code UPDATE t SET .. WHERE id <> (SELECT max(id) FROM t)} rewrites every row but
 * one, and is always-true-where at the statement's verb; the same WHERE in a DELETE (a dedupe whose subquery lost its
 * GROUP BY or its tie to the row) is dedupe-keeps-no-copy, at the aggregate, and is reported once. A subquery with a
 * filter, a tie to the row or a grouping, another table, or a comparison that keeps the extreme rows out of reach
 * restricts.
 */
class LinterOneRowKeptTest {

    private static final String SCHEMA = "CREATE TABLE settings (id BIGINT PRIMARY KEY, name VARCHAR(50), value TEXT);\n"
            + "CREATE TABLE other (id BIGINT PRIMARY KEY);\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM settings WHERE id <> (SELECT max(id) FROM settings)                           | 1:42 dedupe-keeps-no-copy
            DELETE FROM settings a WHERE a.ctid <> (SELECT min(b.ctid) FROM settings b)                | 1:48 dedupe-keeps-no-copy
            DELETE FROM settings WHERE id != (SELECT MIN(id) FROM public.settings AS s)               | 1:42 dedupe-keeps-no-copy
            DELETE FROM settings WHERE (id < (SELECT max(id) FROM settings))                          | 1:42 dedupe-keeps-no-copy
            DELETE FROM settings WHERE id > (SELECT min(id) FROM settings)                            | 1:41 dedupe-keeps-no-copy
            DELETE FROM settings WHERE id NOT IN (SELECT max(id) FROM settings)                       | 1:46 dedupe-keeps-no-copy
            UPDATE settings SET value = NULL\\nWHERE id <> (SELECT max(id) FROM settings)              | 1:1 always-true-where
            UPDATE settings SET value = NULL\\nWHERE id NOT IN (SELECT min(id) FROM settings)          | 1:1 always-true-where
            """)
    void everyRowButOneIsReportedOnce(String sql, String finding) throws IOException {
        List<Finding> findings = lint(sql.replace("\\n", "\n") + ";\n");

        assertEquals(List.of(finding),
                findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()).toList(),
                findings.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM settings a WHERE a.ctid <> (SELECT min(b.ctid) FROM settings b WHERE b.name = a.name)
            DELETE FROM settings WHERE id <> (SELECT max(id) FROM settings WHERE name = 'x')
            DELETE FROM settings WHERE id NOT IN (SELECT max(id) FROM settings GROUP BY name)
            DELETE FROM settings WHERE id <> (SELECT max(id) FROM other)
            DELETE FROM settings WHERE id > (SELECT max(id) FROM settings)
            DELETE FROM settings WHERE id < (SELECT min(id) FROM settings)
            DELETE FROM settings WHERE name <> (SELECT max(id) FROM settings)
            DELETE FROM settings WHERE id <> (SELECT max(id) FROM settings) AND name = 'x'
            """)
    void aRestrictingSubqueryIsQuiet(String sql) throws IOException {
        List<Finding> findings = lint(sql + ";\n");

        assertEquals(List.of(), findings.stream().map(Finding::ruleId).toList(), findings.toString());
    }

    @Test
    void theMessageSaysWhichRowIsLeft() throws IOException {
        List<Finding> findings = lint("UPDATE settings SET value = NULL WHERE id <> (SELECT max(id) FROM settings);\n");

        assertTrue(findings.stream().anyMatch(f -> f.message().contains("(id <> (SELECT max(id) FROM settings) leaves"
                + " out only the row holding the one value its subquery gives, which reads every row of settings")),
                findings.toString());
    }

    private List<Finding> lint(String sql) throws IOException {
        return ProjectLint.findingsAfterSchema(project, Dialect.POSTGRESQL, SCHEMA, sql);
    }
}
