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
 * Scripts that change a column's type through a scratch column park its values there, set it to NULL in every
 * row, change its type and write the values back: the type change converts no value and the write-back overwrites
 * only NULLs. Each line: the script
 * (one statement a line) and its findings as {@code line:column rule SEVERITY guard}.
 */
class LinterClearedColumnRefillTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ORACLE     | ALTER TABLE notes ADD (tmp_1 VARCHAR2(60 CHAR)); UPDATE notes SET tmp_1 = title, title = NULL; ALTER TABLE notes MODIFY (title VARCHAR2(60 CHAR)); UPDATE notes SET title = tmp_1; ALTER TABLE notes DROP (tmp_1); | 2:1 update-without-where INFO column tmp_1 was added earlier in this script and nothing has written it since; the values it overwrites in title are copied there first, 3:27 alter-column-type INFO column title holds only NULL: it was set to NULL in every row at line 2 and nothing has written it since, 4:1 update-without-where INFO column title was set to NULL in every row at line 2 and nothing has written it since, 5:19 drop-column INFO column tmp_1 was added earlier in this script
            ORACLE     | UPDATE notes SET title = NULL; ALTER TABLE notes MODIFY (title NUMBER(3), body NUMBER(3)); | 1:1 update-without-where ERROR, 2:27 alter-column-type INFO column title holds only NULL: it was set to NULL in every row at line 1 and nothing has written it since, 2:44 alter-column-type WARNING
            POSTGRESQL | UPDATE notes SET title = NULL WHERE id > 0; ALTER TABLE notes ALTER COLUMN title TYPE int; | 2:19 alter-column-type WARNING
            POSTGRESQL | UPDATE notes SET title = NULL; UPDATE notes SET title = 'untitled'; | 1:1 update-without-where ERROR, 2:1 update-without-where INFO column title was set to NULL in every row at line 1 and nothing has written it since
            POSTGRESQL | UPDATE notes SET title = NULL WHERE id = 3; UPDATE notes SET title = 'untitled'; | 2:1 update-without-where ERROR
            POSTGRESQL | UPDATE notes SET title = NULL; INSERT INTO notes (id, title) VALUES (1, 'a'); UPDATE notes SET title = 'untitled'; | 1:1 update-without-where ERROR, 3:1 update-without-where ERROR
            POSTGRESQL | UPDATE notes SET title = NULL; UPDATE notes SET title = 'a' WHERE id = 1; UPDATE notes SET title = 'untitled'; | 1:1 update-without-where ERROR, 3:1 update-without-where ERROR
            POSTGRESQL | UPDATE notes SET title = NULL; ALTER TABLE notes RENAME COLUMN body TO title; UPDATE notes SET title = 'untitled'; | 1:1 update-without-where ERROR, 2:19 rename-column WARNING, 3:1 update-without-where ERROR
            POSTGRESQL | UPDATE notes SET title = NULL, body = NULL; UPDATE notes SET title = 'untitled', body = '', tag = 'x'; | 1:1 update-without-where ERROR, 2:1 update-without-where ERROR
            """)
    void writingBackAColumnSetToNullInEveryRowOverwritesNothing(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, dialect, sql);

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
