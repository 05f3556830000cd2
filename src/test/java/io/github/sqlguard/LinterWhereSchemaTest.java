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
 * WHERE conditions that restrict nothing once the schema is known: unfiltered-subquery and always-true-where. A
 * subquery whose rows point at the target's key (accounts that have invoices) restricts; requiring the parent row
 * of each row does not.
 */
class LinterWhereSchemaTest {

    private static final String SCHEMA = "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL,"
            + " closed INT);\nCREATE TABLE invoices (id INT, account_id INT NOT NULL, note VARCHAR(20));\n"
            + "CREATE TABLE closing_ids (account_id INT REFERENCES accounts (id));\nCREATE TABLE legacy_ids (id INT PRIMARY KEY);\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | unfiltered-subquery | DELETE FROM invoices WHERE account_id IN (SELECT id FROM accounts)                               | 1
            MYSQL      | unfiltered-subquery | DELETE FROM invoices WHERE account_id IN (SELECT a.id FROM accounts a)                          | 1
            SQLSERVER  | unfiltered-subquery | DELETE FROM invoices WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = invoices.account_id)  | 1
            ORACLE     | unfiltered-subquery | UPDATE invoices i SET note = 'x' WHERE EXISTS (SELECT 1 FROM accounts a WHERE i.account_id = a.id) | 1
            POSTGRESQL | unfiltered-subquery | DELETE FROM invoices WHERE account_id IN (SELECT id FROM accounts WHERE closed = 1)             | 0
            POSTGRESQL | unfiltered-subquery | DELETE FROM invoices WHERE account_id NOT IN (SELECT id FROM accounts)                          | 0
            POSTGRESQL | unfiltered-subquery | DELETE FROM invoices WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = invoices.account_id AND a.closed = 1) | 0
            POSTGRESQL | unfiltered-subquery | DELETE FROM invoices WHERE account_id IN (SELECT id FROM accounts) AND note = 'x'              | 0
            POSTGRESQL | unfiltered-subquery | DELETE FROM invoices WHERE account_id IN (SELECT id FROM legacy_accounts)                       | 1
            POSTGRESQL | unfiltered-subquery | DELETE FROM accounts WHERE id IN (SELECT account_id FROM invoices)                               | 0
            MYSQL      | unfiltered-subquery | DELETE FROM accounts WHERE id IN (SELECT i.account_id FROM invoices i)                          | 0
            POSTGRESQL | unfiltered-subquery | DELETE FROM accounts WHERE id = ANY (SELECT account_id FROM invoices)                           | 0
            SQLSERVER  | unfiltered-subquery | UPDATE accounts SET closed = 1 WHERE EXISTS (SELECT 1 FROM invoices i WHERE i.account_id = accounts.id) | 0
            ORACLE     | unfiltered-subquery | UPDATE invoices i SET note = (SELECT a.name FROM accounts a WHERE a.id = i.account_id) WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = i.account_id) | 0
            SQLSERVER  | unfiltered-subquery | UPDATE invoices SET note = (SELECT MAX(a.name) FROM dbo.accounts a WHERE a.id = invoices.account_id) WHERE account_id IN (SELECT id FROM accounts) | 0
            ORACLE     | unfiltered-subquery | UPDATE invoices i SET note = (SELECT MAX(name) FROM legacy_accounts) WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = i.account_id) | 1
            POSTGRESQL | always-true-where   | WITH x AS (SELECT id FROM accounts) DELETE FROM accounts WHERE id IN (SELECT id FROM x)      | 1
            POSTGRESQL | unfiltered-subquery | WITH x AS (SELECT id FROM accounts WHERE closed = 1) DELETE FROM invoices WHERE account_id IN (SELECT id FROM x) | 0
            POSTGRESQL | unfiltered-subquery | WITH x AS (SELECT account_id FROM invoices) DELETE FROM accounts WHERE id IN (SELECT account_id FROM x) | 0
            POSTGRESQL | unfiltered-subquery | WITH a AS (SELECT id, name FROM accounts) UPDATE invoices SET note = (SELECT a.name FROM a WHERE a.id = invoices.account_id) WHERE account_id IN (SELECT id FROM a) | 0
            POSTGRESQL | always-true-where   | DELETE FROM accounts WHERE (id) IN (SELECT id FROM accounts)                                     | 1
            MYSQL      | always-true-where   | DELETE FROM accounts WHERE (id, name) IN (SELECT id, name FROM accounts)                         | 1
            MYSQL      | unfiltered-subquery | DELETE FROM accounts WHERE (id, name) IN (SELECT id, name FROM accounts WHERE closed = 1)        | 0
            MYSQL      | unfiltered-subquery | DELETE FROM accounts WHERE (id, name) IN (SELECT account_id, note FROM invoices)                 | 0
            POSTGRESQL | unfiltered-subquery | DELETE FROM accounts WHERE id IN (TABLE legacy_ids)                                              | 1
            POSTGRESQL | unfiltered-subquery | DELETE FROM accounts WHERE id IN (SELECT id FROM legacy_ids)                                     | 1
            POSTGRESQL | unfiltered-subquery | DELETE FROM accounts WHERE id IN (TABLE closing_ids)                                             | 0
            POSTGRESQL | unfiltered-subquery | DELETE FROM accounts WHERE id IN (SELECT account_id FROM closing_ids)                            | 0
            POSTGRESQL | always-true-where   | DELETE FROM accounts WHERE EXISTS (SELECT 1 FROM accounts a2 WHERE a2.id = accounts.id)          | 1
            POSTGRESQL | always-true-where   | UPDATE accounts SET closed = 1 WHERE id = ANY (SELECT id FROM accounts)                          | 1
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE account_id IS NOT NULL                                                | 1
            MARIADB    | always-true-where   | UPDATE accounts SET closed = 1 WHERE name IS NOT NULL                                            | 1
            SQLSERVER  | always-true-where   | DELETE FROM invoices WHERE note IS NULL OR note IS NOT NULL                                      | 1
            ORACLE     | always-true-where   | DELETE FROM legacy WHERE (x IS NOT NULL OR x IS NULL)                                            | 1
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE note IS NOT NULL                                                      | 0
            POSTGRESQL | always-true-where   | DELETE FROM legacy WHERE id IS NOT NULL                                                          | 0
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE note IS NULL OR id IS NOT NULL                                        | 0
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE note IS NULL OR account_id IS NOT NULL                                | 1
            MYSQL      | always-true-where   | DELETE FROM accounts WHERE name LIKE '%'                                                         | 1
            POSTGRESQL | always-true-where   | UPDATE accounts SET closed = 1 WHERE name ILIKE '%%'                                             | 1
            SQLSERVER  | always-true-where   | DELETE FROM invoices WHERE note LIKE '%' OR note IS NULL                                         | 1
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE note LIKE '%'                                                         | 0
            POSTGRESQL | always-true-where   | DELETE FROM accounts WHERE name LIKE '%x%'                                                       | 0
            POSTGRESQL | always-true-where   | DELETE FROM accounts WHERE name NOT LIKE '%'                                                     | 0
            MYSQL      | always-true-where   | DELETE FROM invoices WHERE note = 'x' OR account_id IS NOT NULL                                  | 1
            POSTGRESQL | always-true-where   | UPDATE accounts SET closed = 1 WHERE (closed = 2 OR name LIKE '%')                              | 1
            MYSQL      | always-true-where   | DELETE FROM invoices WHERE note = 'x' OR (account_id IS NOT NULL AND id IS NOT NULL)             | 0
            MYSQL      | always-true-where   | DELETE FROM invoices WHERE note = 'x' OR (account_id IS NOT NULL AND account_id LIKE '%')        | 1
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE note = 'x' OR note IS NOT NULL                                        | 0
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE note = 'x' AND (closed_at = 1 OR account_id IS NOT NULL)              | 0
            SQLSERVER  | always-true-where   | DELETE FROM invoices WHERE NOT (account_id IS NULL)                                              | 1
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE NOT account_id IS NULL                                                | 1
            MYSQL      | always-true-where   | DELETE FROM invoices WHERE note = 'x' OR NOT (account_id IS NULL)                                | 1
            SQLSERVER  | always-true-where   | DELETE FROM invoices WHERE NOT (note IS NULL) OR note IS NULL                                    | 1
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE NOT (note IS NULL)                                                    | 0
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE NOT (account_id IS NOT NULL)                                          | 0
            POSTGRESQL | always-true-where   | DELETE FROM accounts WHERE NOT (name LIKE '%')                                                   | 0
            POSTGRESQL | always-true-where   | DELETE FROM invoices WHERE NOT (account_id IS NULL AND note = 'x')                               | 0
            """)
    void judgesTheWhereWithTheSchema(Dialect dialect, String rule, String sql, int expected) throws IOException {
        List<Finding> findings = lint(dialect, sql + ";\n", rule);

        assertEquals(expected, findings.size(), findings.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM invoices WHERE account_id IS NOT NULL | account_id is declared NOT NULL
            DELETE FROM accounts WHERE name LIKE '%' | name is declared NOT NULL, so name LIKE '%' holds for every row
            DELETE FROM invoices WHERE note = 'x' OR account_id IS NOT NULL | account_id is declared NOT NULL, so account_id IS NOT NULL holds for every row
            DELETE FROM invoices WHERE account_id IN (SELECT id FROM accounts) | limited only by a related row in accounts
            DELETE FROM invoices WHERE NOT (account_id IS NULL) | account_id is declared NOT NULL, so account_id IS NOT NULL holds for every row
            """)
    void messagesSayWhy(String sql, String expected) throws IOException {
        List<Finding> findings = lint(Dialect.POSTGRESQL, sql + ";\n", null);
        assertTrue(findings.stream().anyMatch(f -> f.message().contains(expected)), findings.toString());
    }

    private List<Finding> lint(Dialect dialect, String sql, String rule) throws IOException {
        // The tables come from an earlier migration: tables the same script creates are scratch tables.
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return ProjectLint.findings(project, dialect).stream().filter(f -> rule == null || f.ruleId().equals(rule)).toList();
    }
}
