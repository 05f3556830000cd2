package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dedupe by ROW_NUMBER, RANK or DENSE_RANK keeps no copy when its filter holds for every number a row gets, or
 * when it deletes by the key every copy shares: reported at the filter (at the numbering function when there is
 * none) or at the key, in a derived table, a WITH query and T-SQL's DELETE through a WITH query.
 */
class LinterDedupeKeepsNoCopyNumberedTest {

    private static final String EVENTS = "CREATE TABLE events (id BIGINT PRIMARY KEY, k VARCHAR(40), day DATE);\n";
    private static final String NUMBERED = "(SELECT id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS rn FROM events)";

    @TempDir
    Path project;

    @Test
    void aFilterThatHoldsForEveryNumberIsReportedInEachShape() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn >= 1);
                DELETE FROM events WHERE id IN (SELECT x.id FROM (SELECT *, RANK() OVER (PARTITION BY k, day ORDER BY id) rn FROM events) x WHERE 0 < x.rn);
                DELETE FROM events WHERE id IN (SELECT id FROM (SELECT e.id, DENSE_RANK() OVER (PARTITION BY e.k ORDER BY e.day) AS rn FROM events e) x WHERE rn <> 0);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x);
                WITH d AS %1$s DELETE FROM events WHERE id IN (SELECT id FROM d WHERE rn > 0);
                DELETE FROM events WHERE k IN (SELECT k FROM (SELECT k, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS rn FROM events) x WHERE rn > 1);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn > 0.5 AND x.rn <> 2.5);
                """.formatted(NUMBERED));

        assertEquals(List.of("db/V2__dedupe.sql:1:134 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:2:131 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:3:143 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:4:60 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:5:144 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:6:39 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:7:134 dedupe-keeps-no-copy ERROR"),
                findings(TestProject.lint(project, Dialect.POSTGRESQL)));
    }

    @Test
    void aFilterThatKeepsNumberOneOrDeletesSomeRowsOnlyIsNotThisRulesConcern() throws IOException {
        write("db/V1__events.sql", EVENTS + "CREATE TABLE archived (id BIGINT PRIMARY KEY, k VARCHAR(40));\n");
        write("db/V2__dedupe.sql", """
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn > 1);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn >= 2);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn > 1.5);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn <> 1.0);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE rn <> 1);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE 1 < rn);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn = 1);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn >= 1 AND x.id > 5);
                DELETE FROM events WHERE k IN (SELECT k FROM (SELECT k, RANK() OVER (PARTITION BY k ORDER BY day) AS rn FROM events) x WHERE rn > 1);
                DELETE FROM events WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS rn FROM events WHERE day IS NULL) x WHERE x.rn >= 1);
                DELETE FROM events WHERE id IN (SELECT id FROM (SELECT k AS id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS rn FROM events) x WHERE x.rn >= 1);
                DELETE FROM archived WHERE id IN (SELECT id FROM %1$s x WHERE x.rn >= 1);
                WITH events AS (SELECT id FROM archived) DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.id;
                """.formatted(NUMBERED));

        assertEquals(List.of(), findings(TestProject.lint(project, Dialect.POSTGRESQL)).stream()
                .filter(finding -> finding.contains("dedupe-keeps-no-copy")).toList());
    }

    @Test
    void tsqlDeletesThroughTheNumberingQueryItNames() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                WITH d AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) rn FROM events) DELETE FROM d WHERE rn >= 1;
                WITH d AS (SELECT *, DENSE_RANK() OVER (PARTITION BY k ORDER BY day) AS rn FROM events) DELETE d WHERE d.rn > 0;
                WITH d AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) rn FROM events) DELETE FROM d WHERE rn > 1;
                WITH d AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) rn FROM events) DELETE FROM d WHERE rn <> 1;
                WITH d AS (SELECT *, RANK() OVER (PARTITION BY k ORDER BY day) rn FROM events) DELETE FROM d WHERE rn >= 2;
                """);

        assertEquals(List.of("db/V2__dedupe.sql:1:105 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:2:104 dedupe-keeps-no-copy ERROR"), findings(TestProject.lint(project,
                        Dialect.SQLSERVER)).stream().filter(finding -> finding.contains("dedupe-keeps-no-copy")).toList());
    }

    @Test
    void theMessageNamesTheFilterOrTheKeyDeletedBy() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x WHERE x.rn >= 1);
                DELETE FROM events WHERE id IN (SELECT id FROM %1$s x);
                DELETE FROM events WHERE k IN (SELECT k FROM (SELECT k, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS rn FROM events) x WHERE rn > 1);
                """.formatted(NUMBERED));

        assertEquals(List.of("db/V2__dedupe.sql:1:134 DELETE removes every row of events, keeping no copy of any k: the"
                + " filter x.rn >= 1 holds for every row number, where deleting only the numbers above 1 would keep the"
                + " first row of each", "db/V2__dedupe.sql:2:60 DELETE removes every row of events, keeping no copy of"
                + " any k: nothing filters the row numbers, where deleting only the numbers above 1 would keep the first"
                + " row of each", "db/V2__dedupe.sql:3:39 DELETE removes every row of events whose k another row also"
                + " has, keeping none of the duplicates: it deletes by k, which every copy shares, where deleting by a"
                + " column that tells the copies apart (the id) would keep one"),
                TestProject.messagesOf(TestProject.lint(project, Dialect.POSTGRESQL), "dedupe-keeps-no-copy"));
    }

    private static List<String> findings(LintResult result) {
        return TestProject.findingsIn(result, "V2__dedupe.sql");
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }
}
