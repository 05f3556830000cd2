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
 * A backfill written to be run twice, {@code UPDATE t SET c_new = c WHERE c_new IS NULL}, reaches every row when the
 * script added {@code c_new} without a value and nothing wrote it since: it copies every value of {@code c}, so the
 * drop of {@code c} after it loses nothing. A column added with a default or NOT NULL holds values already, and one
 * written in between may too: then the WHERE leaves rows out and the drop stays an ERROR. Each line: the dialect, the
 * script (one statement a line) and its findings as {@code line:column rule SEVERITY guard}.
 */
class LinterNullTestedBackfillTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE notes ADD COLUMN body_new TEXT; UPDATE notes SET body_new = body WHERE body_new IS NULL; ALTER TABLE notes DROP COLUMN body; | 3:19 drop-column INFO values of body copied to body_new at line 2
            ORACLE     | ALTER TABLE notes ADD (body_clob CLOB DEFAULT NULL); UPDATE notes n SET n.body_clob = n.body WHERE n.body_clob IS NULL; ALTER TABLE notes DROP COLUMN body; ALTER TABLE notes RENAME COLUMN body_clob TO body; | 3:19 drop-column INFO values of body copied to body_clob at line 2, 4:19 rename-column INFO column body_clob was added earlier in this script
            POSTGRESQL | ALTER TABLE notes ADD COLUMN body_new TEXT DEFAULT ''; UPDATE notes SET body_new = body WHERE body_new IS NULL; ALTER TABLE notes DROP COLUMN body; | 3:19 drop-column ERROR
            MYSQL      | ALTER TABLE notes ADD COLUMN body_new TEXT NOT NULL; UPDATE notes SET body_new = body WHERE body_new IS NULL; ALTER TABLE notes DROP COLUMN body; | 3:19 drop-column ERROR
            POSTGRESQL | ALTER TABLE notes ADD COLUMN body_new TEXT; UPDATE notes SET body_new = 'x' WHERE id = 1; UPDATE notes SET body_new = body WHERE body_new IS NULL; ALTER TABLE notes DROP COLUMN body; | 4:19 drop-column ERROR
            POSTGRESQL | UPDATE notes SET body_new = body WHERE body_new IS NULL; ALTER TABLE notes DROP COLUMN body; | 2:19 drop-column ERROR
            POSTGRESQL | ALTER TABLE notes ADD COLUMN body_new TEXT; UPDATE notes SET body_new = body WHERE body_new IS NULL AND id > 10; ALTER TABLE notes DROP COLUMN body; | 3:19 drop-column ERROR
            """)
    void nullTestOfANewColumnReachesEveryRow(Dialect dialect, String sql, String expected) throws IOException {
        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, dialect, sql);

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
