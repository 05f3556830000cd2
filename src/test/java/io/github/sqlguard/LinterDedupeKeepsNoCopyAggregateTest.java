package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A dedupe that keeps each group's first row by an aggregate of its own table ({@code id NOT IN (SELECT MIN(id) FROM
 * t GROUP BY k)}) keeps one row of the whole table when the GROUP BY is missing, and deletes the row it meant to keep
 * in every group with IN for NOT IN: both reported at the aggregate; the dedupe as meant is not.
 */
class LinterDedupeKeepsNoCopyAggregateTest {

    private static final String EVENTS = "CREATE TABLE events (id BIGINT PRIMARY KEY, k VARCHAR(40), day DATE);\n";

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "POSTGRESQL", "MYSQL"})
    void anAggregateOfTheWholeTableKeepsOneRow(Dialect dialect) throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM events);
                DELETE FROM events WHERE id <> (SELECT MAX(id) FROM events);
                DELETE FROM events WHERE (id < (SELECT MAX(e.id) FROM events e));
                DELETE FROM events WHERE id > (SELECT MIN(id) FROM events AS e);
                """);

        assertEquals(List.of("db/V2__dedupe.sql:1:44 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:2:40 dedupe-keeps-no-copy ERROR", "db/V2__dedupe.sql:3:40 dedupe-keeps-no-copy ERROR",
                "db/V2__dedupe.sql:4:39 dedupe-keeps-no-copy ERROR"), findings(TestProject.lint(project, dialect)));
    }

    @Test
    void inForNotInDeletesTheRowOfEveryGroup() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", """
                DELETE FROM events WHERE id IN (SELECT MIN(id) FROM events GROUP BY k);
                DELETE FROM events WHERE id IN (SELECT MAX(id) FROM events GROUP BY k, day);
                """);

        assertEquals(List.of("db/V2__dedupe.sql:1:40 DELETE removes a row of every k of events, also the only row of each"
                + " k that has no duplicate: IN (SELECT MIN(id) FROM events GROUP BY k) picks one row of every group,"
                + " where NOT IN would keep one of each", "db/V2__dedupe.sql:2:40 DELETE removes a row of every (k, day)"
                + " of events, also the only row of each (k, day) that has no duplicate: IN (SELECT MAX(id) FROM events"
                + " GROUP BY k, day) picks one row of every group, where NOT IN would keep one of each"),
                TestProject.messagesOf(TestProject.lint(project, Dialect.POSTGRESQL), "dedupe-keeps-no-copy"));
    }

    @Test
    void theMessageSaysWhatTheWholeTableAggregateKeeps() throws IOException {
        write("db/V1__events.sql", EVENTS);
        write("db/V2__dedupe.sql", "DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM events);\n");

        assertEquals(List.of("db/V2__dedupe.sql:1:44 DELETE removes every row of events but one: NOT IN (SELECT MIN(id)"
                + " FROM events) compares id with one value of the whole table, where a GROUP BY of the duplicated"
                + " columns would keep one row of each"),
                TestProject.messagesOf(TestProject.lint(project, Dialect.SQLITE), "dedupe-keeps-no-copy"));
    }

    @Test
    void theDedupeAsMeantAndSubqueriesThatPickTheirRowsAreNotThisRulesConcern() throws IOException {
        write("db/V1__events.sql", EVENTS + "CREATE TABLE archived (id BIGINT PRIMARY KEY, k VARCHAR(40));\n");
        write("db/V2__dedupe.sql", """
                DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM events GROUP BY k);
                DELETE FROM events WHERE rowid NOT IN (SELECT MAX(rowid) FROM events GROUP BY k, day);
                DELETE FROM events WHERE id IN (SELECT MIN(id) FROM events);
                DELETE FROM events WHERE id IN (SELECT MIN(id) FROM events GROUP BY k HAVING COUNT(*) > 1);
                DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM events WHERE day IS NULL);
                DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM archived);
                DELETE FROM events WHERE id NOT IN (SELECT MIN(k) FROM events);
                DELETE FROM events WHERE id > (SELECT MAX(id) FROM events);
                DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM events) AND day IS NULL;
                """);

        assertEquals(List.of(),
                TestProject.messagesOf(TestProject.lint(project, Dialect.SQLITE), "dedupe-keeps-no-copy"));
    }

    private static List<String> findings(LintResult result) {
        return TestProject.findingsIn(result, "V2__dedupe.sql");
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }
}
