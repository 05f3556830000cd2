package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column added in a branch that may not have run ({@code IF COL_LENGTH('t', 'c') IS NULL ALTER TABLE t ADD c}) to
 * a table the earlier migrations built without it either exists with nothing written yet or does not exist: filling
 * or dropping it after the branch loses nothing. Where the table may already have had the column, or a branch
 * wrote it (also one the script added before the branch), the finding stays.
 */
class LinterColumnAddedInBranchTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER  | CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, total INT); | IF COL_LENGTH('dbo.orders', 'seats') IS NULL BEGIN ALTER TABLE dbo.orders ADD seats INT NULL; END; GO; UPDATE dbo.orders SET seats = 0; | update-without-where | column seats was added earlier in this script
            SQLSERVER  | CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, total INT); | IF NOT EXISTS (SELECT * FROM sys.columns WHERE object_id = OBJECT_ID('orders') AND name = 'flag') ALTER TABLE orders ADD flag BIT NULL; GO; UPDATE orders SET flag = 0; | update-without-where | column flag was added earlier in this script
            POSTGRESQL | CREATE TABLE orders (id INT PRIMARY KEY, total INT); | DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'seats') THEN ALTER TABLE orders ADD COLUMN seats INT; END IF; END $$; UPDATE orders SET seats = 0; | update-without-where | column seats was added earlier in this script
            SQLSERVER  | CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, total INT); | IF COL_LENGTH('orders', 'seats') IS NULL BEGIN ALTER TABLE orders ADD seats INT NULL; UPDATE orders SET seats = 0; END; GO | update-without-where | column seats was added earlier in this script
            POSTGRESQL | CREATE TABLE orders (id INT PRIMARY KEY, total INT); | DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'seats') THEN ALTER TABLE orders ADD COLUMN seats INT; END IF; END $$; ALTER TABLE orders DROP COLUMN seats; | drop-column | column seats was added earlier in this script
            """)
    void aColumnTheTableLackedIsNewAfterTheBranch(Dialect dialect, String earlier, String script, String rule,
            String guard) throws IOException {
        List<Finding> findings = lint(dialect, earlier, script, rule);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity(), findings.toString());
        assertTrue(findings.get(0).message().contains("(guarded: " + guard), findings.get(0).message());
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER  | CREATE TABLE other (id INT); | IF COL_LENGTH('dbo.orders', 'seats') IS NULL BEGIN ALTER TABLE dbo.orders ADD seats INT NULL; END; GO; UPDATE dbo.orders SET seats = 0; | update-without-where
            SQLSERVER  | CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, seats INT); | IF COL_LENGTH('dbo.orders', 'seats') IS NULL BEGIN ALTER TABLE dbo.orders ADD seats INT NULL; END; GO; UPDATE dbo.orders SET seats = 0; | update-without-where
            SQLSERVER  | CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, total INT); | IF COL_LENGTH('dbo.orders', 'seats') IS NULL BEGIN ALTER TABLE dbo.orders ADD seats INT NULL; END; GO; IF 1 = 1 BEGIN UPDATE dbo.orders SET seats = total; END; GO; UPDATE dbo.orders SET seats = 0; | update-without-where
            POSTGRESQL | CREATE TABLE orders (id INT PRIMARY KEY, total INT); | DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'seats') THEN ALTER TABLE orders ADD COLUMN seats INT; UPDATE orders SET seats = total; END IF; END $$; UPDATE orders SET seats = 0; | update-without-where
            POSTGRESQL | CREATE TABLE orders (id INT PRIMARY KEY, total INT); | ALTER TABLE orders ADD COLUMN seats INT; DO $$ BEGIN IF (SELECT count(*) FROM orders) > 0 THEN UPDATE orders SET seats = total; END IF; END $$; UPDATE orders SET seats = 0; | update-without-where
            POSTGRESQL | CREATE TABLE orders (id INT PRIMARY KEY, total INT); | DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'orders_v2') THEN CREATE TABLE orders_v2 (id INT); ALTER TABLE orders_v2 ADD COLUMN seats INT; END IF; END $$; UPDATE orders_v2 SET seats = 0; | update-without-where
            """)
    void aColumnTheTableMayHaveHadKeepsItsFinding(Dialect dialect, String earlier, String script, String rule)
            throws IOException {
        List<Finding> findings = lint(dialect, earlier, script, rule).stream()
                .filter(finding -> finding.location().line() == script.split("; ").length).toList();

        assertEquals(1, findings.size(), lint(dialect, earlier, script, rule).toString());
        assertEquals(Severity.ERROR, findings.get(0).severity(), findings.toString());
    }

    private List<Finding> lint(Dialect dialect, String earlier, String script, String rule) throws IOException {
        TestProject.write(project, "db/V1__init.sql", earlier + "\n");
        TestProject.write(project, "db/V2__change.sql", script.replace("; ", ";\n").replace("GO;\n", "GO\n") + "\n");
        return ProjectLint.findings(project, dialect).stream().filter(f -> f.ruleId().equals(rule)
                && f.location().path().endsWith("V2__change.sql")).toList();
    }
}
