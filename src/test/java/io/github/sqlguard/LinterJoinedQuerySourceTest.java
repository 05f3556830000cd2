package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE or UPDATE joined to a CTE or a derived table ({@code USING s}, {@code FROM s}, {@code JOIN s ON}) is the
 * {@code WHERE id IN (SELECT id FROM ..)} it equals: when that query reads a table without a filter and the join only
 * equates columns, it is unfiltered-subquery at the statement's verb, as the IN form is, and always-true-where when
 * that table is the target itself, joined on the same columns, also when an UPDATE's SET reads the query (each row
 * then gets a value made of its own, as without a WHERE). A dedupe's filter, a tie-breaker or a join in the query
 * keeps it quiet, and so does a SET that copies another table's values (a backfill).
 */
class LinterJoinedQuerySourceTest {

    private static final String SCHEMA = "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(20), closed INT);\n"
            + "CREATE TABLE invoices (id INT, account_id INT REFERENCES accounts (id), note VARCHAR(20));\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | WITH s AS (SELECT id FROM accounts) DELETE FROM accounts USING s WHERE s.id = accounts.id                  | 1:37 | always-true-where
            POSTGRESQL | WITH s AS (SELECT id FROM accounts)\\nDELETE FROM accounts a USING s WHERE a.id = s.id RETURNING a.id  | 2:1 | always-true-where
            POSTGRESQL | DELETE FROM accounts a USING (SELECT id FROM accounts) s WHERE (s.id = a.id)                             | 1:1 | always-true-where
            POSTGRESQL | DELETE FROM accounts a USING (SELECT id, name FROM accounts) s WHERE s.id = a.id AND s.name = a.name    | 1:1 | always-true-where
            POSTGRESQL | WITH s AS (SELECT id FROM accounts) UPDATE accounts a SET closed = 1 FROM s WHERE s.id = a.id           | 1:37 | always-true-where
            POSTGRESQL | UPDATE accounts SET closed = 1 FROM (SELECT id FROM accounts) AS s WHERE accounts.id = s.id             | 1:1 | always-true-where
            POSTGRESQL | WITH s AS (SELECT id, name FROM accounts) UPDATE accounts a SET name = upper(s.name) FROM s WHERE s.id = a.id | 1:43 | always-true-where
            POSTGRESQL | UPDATE accounts a\\nSET name = s.label\\nFROM (SELECT id, upper(name) AS label FROM accounts) s\\nWHERE a.id = s.id | 1:1 | always-true-where
            MYSQL      | DELETE a FROM accounts a JOIN (SELECT id FROM accounts) s ON s.id = a.id                                | 1:1 | always-true-where
            MYSQL      | WITH s AS (SELECT id FROM accounts) DELETE accounts FROM accounts INNER JOIN s ON s.id = accounts.id    | 1:37 | always-true-where
            POSTGRESQL | DELETE FROM invoices i USING (SELECT id FROM accounts) a WHERE a.id = i.account_id                      | 1:1 | unfiltered-subquery
            """)
    void aJoinToAnUnfilteredQueryIsItsInForm(Dialect dialect, String sql, String at, String rule)
            throws IOException {
        List<Finding> findings = lint(dialect, sql.replace("\\n", "\n") + ";\n");

        assertEquals(List.of(at + " " + rule),
                findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()).toList(),
                findings.toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | WITH s AS (SELECT id FROM accounts WHERE closed = 1) DELETE FROM accounts USING s WHERE s.id = accounts.id
            POSTGRESQL | WITH d AS (SELECT id, row_number() OVER (PARTITION BY name ORDER BY id) AS rn FROM accounts) DELETE FROM accounts a USING d WHERE d.id = a.id AND d.rn > 1
            POSTGRESQL | WITH d AS (SELECT id, row_number() OVER (PARTITION BY name ORDER BY id) AS rn FROM accounts) SELECT 1; WITH d AS (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY name ORDER BY id) AS rn FROM accounts) x WHERE rn > 1) DELETE FROM accounts a USING d WHERE d.id = a.id
            POSTGRESQL | WITH s AS (SELECT a.id FROM accounts a JOIN invoices i ON i.account_id = a.id) DELETE FROM accounts USING s WHERE s.id = accounts.id
            POSTGRESQL | DELETE FROM accounts a USING (SELECT id, ctid FROM accounts) s WHERE s.id = a.id AND s.ctid <> a.ctid
            POSTGRESQL | DELETE FROM accounts a USING (SELECT DISTINCT ON (name) id FROM accounts ORDER BY name, id) s WHERE s.id = a.id
            POSTGRESQL | DELETE FROM accounts a USING (SELECT id FROM accounts LIMIT 10) s WHERE s.id = a.id
            POSTGRESQL | DELETE FROM accounts a USING (SELECT min(id) AS id FROM accounts GROUP BY name HAVING count(*) > 1) s WHERE s.id = a.id
            POSTGRESQL | DELETE FROM accounts a USING (SELECT account_id FROM invoices) s WHERE s.account_id = a.id
            POSTGRESQL | UPDATE invoices SET note = name FROM (SELECT id, name FROM accounts) s WHERE s.id = invoices.account_id
            POSTGRESQL | WITH s (aid, label) AS (SELECT id, name FROM accounts) UPDATE invoices i SET note = label FROM s WHERE s.aid = i.account_id
            POSTGRESQL | UPDATE accounts a SET name = s.label FROM (SELECT id, upper(name) AS label FROM accounts WHERE closed = 1) s WHERE a.id = s.id
            POSTGRESQL | UPDATE accounts a SET name = s.note FROM (SELECT account_id, note FROM invoices) s WHERE a.id = s.account_id
            MYSQL      | DELETE a FROM accounts a JOIN (SELECT id FROM accounts WHERE closed = 1) s ON s.id = a.id
            MYSQL      | DELETE a FROM accounts a LEFT JOIN (SELECT id FROM accounts) s ON s.id = a.id WHERE s.id IS NULL
            """)
    void aDedupeOrAFilteredQueryIsQuiet(Dialect dialect, String sql) throws IOException {
        List<Finding> findings = lint(dialect, sql + ";\n");

        assertEquals(List.of(), findings.stream().map(Finding::ruleId).toList(), findings.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            WITH s AS (SELECT id FROM accounts) DELETE FROM accounts USING s WHERE s.id = accounts.id | DELETE whose join always matches (the query it joins reads every row of accounts and pairs each row with itself on id
            """)
    void theMessageNamesTheTableRead(String sql, String expected) throws IOException {
        List<Finding> findings = lint(Dialect.POSTGRESQL, sql + ";\n");
        assertTrue(findings.stream().anyMatch(f -> f.message().contains(expected)), findings.toString());
    }

    private List<Finding> lint(Dialect dialect, String sql) throws IOException {
        // The tables come from an earlier migration: tables the same script creates are scratch tables.
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return ProjectLint.findings(project, dialect).stream().filter(f -> f.location().path().contains("V2")).toList();
    }
}
