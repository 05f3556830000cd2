package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * MySQL's multi-table UPDATE may assign a column without naming its table ({@code UPDATE invoices, accounts SET
 * total = 0 WHERE accounts.id = invoices.account_id}): it changes the one of the tables that has the column. Where
 * the earlier migrations show which one that is, the UPDATE is judged as if it named it ({@code SET invoices.total =
 * 0}): joined only on the key, it changes every invoice that has an account. A column of the referenced table, of
 * both tables or of neither, or a SET that reads a column, stays quiet.
 */
class LinterUnqualifiedSetJoinTest {

    private static final String SCHEMA = """
            CREATE TABLE accounts (id BIGINT PRIMARY KEY, closed TINYINT, note VARCHAR(100));
            CREATE TABLE invoices (id BIGINT PRIMARY KEY, total DECIMAL(10, 2), note VARCHAR(100), paid_at DATETIME,
              account_id BIGINT NOT NULL,
              CONSTRAINT fk_invoices_account FOREIGN KEY (account_id) REFERENCES accounts (id));
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE invoices, accounts SET total = 0 WHERE accounts.id = invoices.account_id                    | 2:3
            UPDATE accounts a, invoices i SET total = 0, paid_at = NOW() WHERE a.id = i.account_id              | 2:3
            UPDATE invoices, accounts SET invoices.total = 0 WHERE accounts.id = invoices.account_id           | 2:3
            UPDATE invoices i JOIN accounts a ON a.id = i.account_id SET total = NULL                          | 2:3
            UPDATE invoices, accounts SET closed = 1 WHERE accounts.id = invoices.account_id                   | -
            UPDATE invoices, accounts SET note = NULL WHERE accounts.id = invoices.account_id                  | -
            UPDATE invoices, accounts SET missing = 0 WHERE accounts.id = invoices.account_id                  | -
            UPDATE invoices, accounts SET total = total * 0 WHERE accounts.id = invoices.account_id            | -
            UPDATE invoices, accounts SET total = 0 WHERE accounts.id = invoices.account_id AND accounts.closed = 1 | -
            UPDATE invoices, legacy_accounts SET total = 0 WHERE legacy_accounts.id = invoices.account_id      | -
            """)
    void unqualifiedSetColumnIsJudgedAsItsTablesColumn(String sql, String expected) throws IOException {
        List<Finding> findings = lint(SCHEMA, "SELECT 1;\n  " + sql + ";\n").stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery")).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings.stream()
                .map(f -> f.location().line() + ":" + f.location().column()).toList());
        if (!findings.isEmpty()) {
            assertEquals(List.of(" of invoices.account_id to the key accounts.id, which reads accounts without a"
                    + " filter: it changes every row of invoices that has a related row in accounts"),
                    findings.stream().map(f -> f.message().substring(f.message().indexOf(" of "))).toList());
        }
    }

    private List<Finding> lint(String schema, String sql) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), schema, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return ProjectLint.findings(project, Dialect.MYSQL).stream()
                .filter(f -> f.location().path().toString().contains("V2__")).toList();
    }
}
