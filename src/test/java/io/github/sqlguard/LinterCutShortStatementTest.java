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
 * Statements cut short where a reader expects more (a half-written script, a bad merge): each is analysed like any
 * other, never with {@code analysis-failed}, and the whole statements around it are still checked. Cuts found by
 * {@link CutStatementsPropertyTest}, as a user could write them.
 */
class LinterCutShortStatementTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLITE | ALTER TABLE \"orders\" RENAME;",
        "POSTGRESQL | WITH moved AS (;",
        "POSTGRESQL | WITH moved (id;",
        "POSTGRESQL | UPDATE orders SET total = 0 FROM (;",
        "POSTGRESQL | DELETE FROM orders USING (;",
        "SQLSERVER | MERGE INTO orders USING (;",
        "POSTGRESQL | CREATE TYPE mood AS ENUM (;",
        "MYSQL | UPDATE orders o;",
        "POSTGRESQL | DELETE FROM orders WHERE lower(note;",
        "POSTGRESQL | UPDATE orders SET total = 0 WHERE coalesce(total, 0;",
    })
    void aCutStatementBetweenWholeOnesLeavesTheOthersChecked(Dialect dialect, String cut) throws IOException {
        Path first = project.resolve("db/V1__orders.sql");
        Files.createDirectories(first.getParent());
        Files.writeString(first, "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note VARCHAR(20));\n",
                StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__cut.sql"), "INSERT INTO orders_bak SELECT * FROM orders;\n" + cut
                + "\nDELETE FROM orders;\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V3__later.sql"), "DROP TABLE orders;\n", StandardCharsets.UTF_8);

        List<Finding> findings = ProjectLint.findings(project, dialect);

        assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("analysis-failed")), findings.toString());
        assertEquals(1, findings.stream().filter(f -> f.ruleId().equals("delete-without-where")
                && f.location().path().equals("db/V2__cut.sql") && f.location().line() == 3).count(),
                findings.toString());
        assertEquals(1, findings.stream().filter(f -> f.ruleId().equals("drop-table")
                && f.location().path().equals("db/V3__later.sql")).count(), findings.toString());
    }
}
