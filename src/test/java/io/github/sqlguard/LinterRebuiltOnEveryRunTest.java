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
 * A script that runs again and fills a table from a query after dropping or emptying it rebuilds what its earlier
 * run built: the drop is INFO naming the refill. A versioned script, or a refill from VALUES, guards nothing.
 */
class LinterRebuiltOnEveryRunTest {

    @TempDir
    Path project;

    /** Findings of {@code R__report.sql} as {@code rule@line:SEVERITY}, a guarded one with its note. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DROP TABLE IF EXISTS report; CREATE TABLE report AS SELECT status, count(*) FROM orders GROUP BY status; | drop-table@1:INFO (guarded: every run of the script fills report again from a query at line 2)
            MYSQL      | DROP TABLE IF EXISTS report; CREATE TABLE report (PRIMARY KEY (id)) SELECT id, total FROM orders; | drop-table@1:INFO (guarded: every run of the script fills report again from a query at line 2)
            POSTGRESQL | TRUNCATE totals; INSERT INTO totals (day, total) WITH d AS (SELECT 1) SELECT * FROM d;     | truncate-table@1:INFO (guarded: every run of the script fills totals again from a query at line 2)
            SQLSERVER  | DROP TABLE IF EXISTS dbo.report; SELECT id, total INTO dbo.report FROM dbo.orders;          | drop-table@1:INFO (guarded: every run of the script fills dbo.report again from a query at line 2)
            POSTGRESQL | DELETE FROM a; DELETE FROM b; INSERT INTO a SELECT * FROM src;                              | delete-without-where@1:INFO (guarded: every run of the script fills a again from a query at line 3) / delete-without-where@2:ERROR
            POSTGRESQL | TRUNCATE a, b; INSERT INTO a SELECT * FROM src;                                              | truncate-table@1:ERROR
            POSTGRESQL | DELETE FROM countries; INSERT INTO countries VALUES ('NL', 'Netherlands');                    | delete-without-where@1:ERROR
            POSTGRESQL | INSERT INTO report SELECT * FROM orders; DROP TABLE report;                                  | drop-table@2:ERROR
            POSTGRESQL | DROP TABLE report; CREATE TABLE report (id int); INSERT INTO other SELECT * FROM report;      | drop-table@1:ERROR
            """)
    void aRepeatableMigrationThatRefillsTheTableFromAQueryLosesNothing(Dialect dialect, String sql, String expected)
            throws IOException {
        write("db/R__report.sql", sql.replace("; ", ";\n") + "\n");

        assertEquals(expected, describe(run(dialect)));
    }

    @Test
    void aVersionedMigrationRunsOnceSoItsRebuildStillDropsRows() throws IOException {
        write("db/V2__report.sql", "DROP TABLE IF EXISTS report;\nCREATE TABLE report AS SELECT * FROM orders;\n");

        assertEquals("drop-table@1:ERROR", describe(run(Dialect.POSTGRESQL)));
    }

    @Test
    void aRunAlwaysChangesetRebuildsWithinItselfOnly() throws IOException {
        write("db/changelog.sql", """
                --liquibase formatted sql
                --changeset ops:refresh runAlways:true
                TRUNCATE totals;
                INSERT INTO totals SELECT day, sum(amount) FROM payments GROUP BY day;
                --changeset ops:once
                TRUNCATE summary;
                --changeset ops:refill runOnChange:true
                INSERT INTO summary SELECT * FROM totals;
                """);

        assertEquals("truncate-table@3:INFO (guarded: every run of the script fills totals again from a query at line"
                + " 4) / truncate-table@6:ERROR", describe(run(Dialect.POSTGRESQL)));
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> {
            int note = f.message().indexOf(" (guarded: ");
            int end = f.message().indexOf(")", note) + 1;
            return f.ruleId() + "@" + f.location().line() + ":" + f.severity()
                    + (note < 0 ? "" : f.message().substring(note, end));
        }).collect(Collectors.joining(" / "));
    }

    private void write(String path, String sql) throws IOException {
        TestProject.write(project, path, sql);
    }

    private List<Finding> run(Dialect dialect) {
        return TestProject.lint(project, dialect).findings();
    }
}
