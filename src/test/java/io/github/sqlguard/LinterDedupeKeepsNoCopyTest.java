package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dedupe whose tie-breaker is {@code <>} deletes both rows of each pair of duplicates: reported at the tie-breaker,
 * in each shape a dedupe is written in, and only when nothing else in the condition may keep a copy.
 */
class LinterDedupeKeepsNoCopyTest {

    private static final String EVENTS = "CREATE TABLE events (id BIGINT PRIMARY KEY, k VARCHAR(40), day DATE);\n";

    @TempDir
    Path project;

    @Test
    void aSymmetricTieBreakerIsReportedInEachShapeOfDedupe() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.ctid <> b.ctid;
                DELETE FROM events AS a USING events AS b WHERE a.id != b.id AND a.k = b.k AND a.day = b.day;
                DELETE FROM events a WHERE EXISTS (SELECT 1 FROM events b WHERE b.k = a.k AND b.id <> a.id);
                DELETE FROM events WHERE EXISTS (SELECT 1 FROM events b WHERE (b.k = events.k) AND (b.id <> events.id));
                DELETE FROM events WHERE id IN (SELECT a.id FROM events a JOIN events b ON a.k = b.k AND a.id <> b.id);
                DELETE FROM events e WHERE e.k IN (SELECT b.k FROM events a, events b WHERE a.k = b.k AND a.id <> b.id);
                """);

        assertEquals(List.of("db/V2__dedupe.sql:1:57 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:2:49"
                + " dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:3:79 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:4:85 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:5:90 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:6:91 dedupe-keeps-no-copy ERROR"), findings(TestProject.lint(project,
                        Dialect.POSTGRESQL)));
    }

    @Test
    void theJoinShapesOfMySqlAreReportedToo() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE a FROM events a INNER JOIN events b ON a.k = b.k AND a.id <> b.id;
                DELETE b FROM events a JOIN events b ON a.k = b.k WHERE a.id <> b.id;
                DELETE a FROM events a, events b WHERE a.k = b.k AND a.id <> b.id;
                """);

        assertEquals(List.of("db/V2__dedupe.sql:1:61 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:2:57"
                + " dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:3:54 dedupe-keeps-no-copy ERROR"),
                findings(TestProject.lint(project, Dialect.MYSQL)));
    }

    @Test
    void theJoinShapesOfTsqlAreReportedAndATargetThatIsNoCopyIsNot() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE a FROM events a INNER JOIN events b ON a.k = b.k AND a.id <> b.id;
                DELETE FROM a FROM events a JOIN events b ON a.k = b.k AND a.id <> b.id;
                DELETE FROM a FROM events AS a INNER JOIN events AS b ON b.k = a.k WHERE a.id >= b.id;
                DELETE FROM a FROM events a JOIN events b ON a.k = b.k AND a.id < b.id;
                DELETE FROM events FROM events a JOIN events b ON a.k = b.k AND a.id <> b.id;
                DELETE FROM a FROM events a LEFT JOIN events b ON a.k = b.k AND a.id <> b.id;
                """);

        assertEquals(List.of("db/V2__dedupe.sql:1:61 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:2:60"
                + " dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:3:74 dedupe-keeps-no-copy ERROR"),
                findings(TestProject.lint(project, Dialect.SQLSERVER)).stream()
                        .filter(finding -> finding.contains("dedupe-keeps-no-copy")).toList());
    }

    @Test
    void aTieBreakerThatHoldsBothWaysOrForARowAndItselfIsReportedOnAnyExpression() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE FROM events a USING events b WHERE lower(a.k) = lower(b.k) AND a.id::text <> b.id::text;
                DELETE FROM events a USING events b WHERE a.k IS NOT DISTINCT FROM b.k AND a.id IS DISTINCT FROM b.id;
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.id >= b.id;
                DELETE FROM events a WHERE EXISTS (SELECT 1 FROM events b WHERE b.k = a.k AND b.id <= a.id);
                DELETE FROM events e WHERE e.k IN (SELECT b.k FROM events a JOIN events b ON a.k = b.k AND a.id < b.id);
                """);

        assertEquals(List.of("db/V2__dedupe.sql:1:71 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:2:76"
                + " dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:3:57 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:4:79 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:5:43 dedupe-keeps-no-copy ERROR"),
                findings(TestProject.lint(project, Dialect.POSTGRESQL)));
    }

    @Test
    void aStrictOrderKeepsTheLastRowOfEachGroupEvenOnAValueRowsShare() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.ctid > b.ctid;
                DELETE FROM events a USING events b WHERE a.k = b.k AND (a.day < b.day OR (a.day = b.day AND a.id < b.id));
                DELETE FROM events a USING events b WHERE a.k = b.k AND (a.day < b.day OR a.day = b.day AND a.id > b.id);
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.day < b.day;
                DELETE FROM events a USING events b WHERE lower(a.k) = lower(b.k) AND a.id < b.id;
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.id AND a.day <= b.day;
                DELETE FROM events a USING events b WHERE a.k = b.k AND (a.day < b.day OR a.id < b.id);
                DELETE FROM events a USING events b WHERE a.k = b.k AND (a.day < b.day OR (a.id = b.id AND a.id < b.id));
                DELETE FROM events a USING events b WHERE lower(k) = lower(b.k) AND a.id <> b.id;
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.id + random() <> b.id + random();
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.day;
                """);

        assertEquals(List.of(), findings(TestProject.lint(project, Dialect.POSTGRESQL)).stream()
                .filter(finding -> finding.contains("dedupe-keeps-no-copy")).toList());
    }

    @Test
    void aTieBreakerThatPicksOneSideOrAnyOtherTermIsNotThisRulesConcern() throws IOException {
        write("db/V1__events.sql", EVENTS + "CREATE TABLE archived (id BIGINT PRIMARY KEY, k VARCHAR(40));\n");
        write("db/V2__dedupe.sql", """
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.id < b.id;
                DELETE FROM events a WHERE EXISTS (SELECT 1 FROM events b WHERE b.k = a.k AND b.id > a.id);
                DELETE FROM events a USING archived b WHERE a.k = b.k AND a.id <> b.id;
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.id AND a.day < b.day;
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.id AND a.day IS NULL;
                DELETE FROM events a USING events b WHERE a.k <> b.k AND a.id <> b.day;
                DELETE a FROM events a LEFT JOIN events b ON a.k = b.k AND a.id <> b.id;
                DELETE FROM events WHERE id IN (SELECT a.id FROM events a JOIN events b ON a.k = b.k AND a.id < b.id);
                DELETE FROM events WHERE id IN (SELECT a.day FROM events a JOIN events b ON a.k = b.k AND a.id <> b.id);
                DELETE FROM events WHERE id IN (SELECT a.id FROM events a JOIN archived b ON a.k = b.k AND a.id <> b.id);
                """);

        assertEquals(List.of(), findings(TestProject.lint(project, Dialect.POSTGRESQL)).stream()
                .filter(finding -> finding.contains("dedupe-keeps-no-copy")).toList());
    }

    @Test
    void theMessageNamesTheKeyAndTheTieBreakerAndATableTheScriptFilledIsNotReported() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", "DELETE FROM events a USING events b WHERE a.k = b.k AND a.day = b.day"
                + " AND a.id <> b.id;\n"
                + "CREATE TABLE staged (id BIGINT, k VARCHAR(40));\n"
                + "INSERT INTO staged SELECT id, k FROM events;\n"
                + "DELETE FROM staged a USING staged b WHERE a.k = b.k AND a.id <> b.id;\n");

        LintResult result = TestProject.lint(project, Dialect.POSTGRESQL);

        assertEquals(List.of("db/V2__dedupe.sql:1:75 DELETE removes every row of events whose k, day another row also"
                + " has, keeping none of the duplicates: the tie-breaker a.id <> b.id holds for both rows of each pair,"
                + " where < or > would keep one"), TestProject.messagesOf(result, "dedupe-keeps-no-copy"));
    }

    @Test
    void theMessageSaysWhyEachOtherShapeKeepsNoCopy() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE FROM events a USING events b WHERE a.k = b.k AND a.id >= b.id;
                DELETE FROM events e WHERE e.k IN (SELECT b.k FROM events a JOIN events b ON a.k = b.k AND a.id < b.id);
                DELETE FROM events a USING events b WHERE lower(a.k) = lower(b.k) AND a.id <> b.id;
                """);

        assertEquals(List.of("db/V2__dedupe.sql:1:57 DELETE removes every row of events that has a k, duplicated or"
                + " not: each row also pairs with itself, and the tie-breaker a.id >= b.id holds for that pair, where"
                + " < or > would keep one of each", "db/V2__dedupe.sql:2:43 DELETE removes every row of events whose k"
                + " another row also has, keeping none of the duplicates: it deletes by b.k, which every copy shares,"
                + " where deleting by a column that tells the copies apart (the id) would keep one",
                "db/V2__dedupe.sql:3:71 DELETE removes every row of events whose lower(k) another row also has, keeping"
                + " none of the duplicates: the tie-breaker a.id <> b.id holds for both rows of each pair, where < or >"
                + " would keep one"),
                TestProject.messagesOf(TestProject.lint(project, Dialect.POSTGRESQL), "dedupe-keeps-no-copy"));
    }

    private static List<String> findings(LintResult result) {
        return TestProject.findingsIn(result, "V2__dedupe.sql");
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }
}
