package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy of the rows that have a value in a column, with their key, keeps every value of it only when the column it
 * goes to can hold each: into a narrower one (MySQL cuts the value without strict mode, and the copy fails with it)
 * the drop of the column that follows loses what did not fit, however the copy chooses its rows.
 */
class LinterMovedColumnNarrowedTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            varchar(200) | WHERE NOTE IS NOT NULL                     | 3:20 drop-column INFO
            text         | WHERE NOTE IS NOT NULL                     | 3:20 drop-column INFO
            varchar(200) | WHERE NOTE IS NOT NULL OR TAG IS NOT NULL  | 3:20 drop-column INFO
            varchar(10)  | WHERE NOTE IS NOT NULL                     | 3:20 drop-column ERROR
            varchar(10)  | WHERE NOTE IS NOT NULL OR TAG IS NOT NULL  | 3:20 drop-column ERROR
            varchar(10)  | ''                                         | 3:20 drop-column ERROR
            """)
    void aNarrowerColumnOfTheCopyKeepsNotEveryValue(String type, String where, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE events (ID int NOT NULL PRIMARY KEY, TAG varchar(20), NOTE varchar(200));
                """);
        TestProject.write(project, "db/V2__move.sql", """
                CREATE TABLE event_notes (EVENT_ID int NOT NULL PRIMARY KEY, TAG varchar(20), NOTE %s);
                INSERT INTO event_notes (EVENT_ID, TAG, NOTE) SELECT ID, TAG, NOTE FROM events %s;
                ALTER TABLE events DROP COLUMN NOTE;
                """.formatted(type, where));

        assertEquals(List.of(expected), ProjectLint.findings(project, Dialect.MYSQL).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " "
                        + f.severity()).toList());
    }
}
