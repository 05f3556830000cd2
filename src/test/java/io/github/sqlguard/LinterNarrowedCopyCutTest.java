package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy that keeps only some rows and also puts a column into a narrower type loses both: the note on the DROP of
 * its source names the rows it keeps and, beside them, each column it cuts and the type it cuts it to.
 */
class LinterNarrowedCopyCutTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO notes_new (id, note) SELECT id, note FROM notes WHERE id > 5 | VARCHAR(50) | DROP TABLE removes table notes and all its rows (the copy to notes_new at line 2 keeps only the rows its WHERE selects, and copies note into VARCHAR(50) (shorter: 200 to 50 characters), which cannot hold every value)
            INSERT INTO notes_new (id, body) SELECT id, note FROM notes WHERE id > 5 | VARCHAR(50) | DROP TABLE removes table notes and all its rows (the copy to notes_new at line 2 keeps only the rows its WHERE selects, and copies note into body VARCHAR(50) (shorter: 200 to 50 characters), which cannot hold every value)
            INSERT INTO notes_new (id, note) SELECT DISTINCT id, note FROM notes        | VARCHAR(20) | DROP TABLE removes table notes and all its rows (the copy to notes_new at line 2 keeps only the rows its DISTINCT picks, one of each set of equal rows, and copies note into VARCHAR(20) (shorter: 200 to 20 characters), which cannot hold every value)
            INSERT IGNORE INTO notes_new (id, note) SELECT id, note FROM notes        | VARCHAR(20) | DROP TABLE removes table notes and all its rows (the copy to notes_new at line 2 keeps only the rows that break no constraint of notes_new: INSERT IGNORE skips the others, and copies note into VARCHAR(20) (shorter: 200 to 20 characters), which cannot hold every value)
            INSERT INTO notes_new (id, note) SELECT id, note FROM notes WHERE id > 5 | VARCHAR(200) | DROP TABLE removes table notes and all its rows (the copy to notes_new at line 2 keeps only the rows its WHERE selects)
            """)
    void theNoteOnACopyOfSomeRowsNamesTheColumnsItCuts(String copy, String type, String expected)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE notes (id INT PRIMARY KEY, note VARCHAR(200));\n");
        String column = copy.contains("body") ? "body" : "note";
        TestProject.write(project, "db/V2__rebuild.sql", "CREATE TABLE notes_new (id INT PRIMARY KEY, " + column + " "
                + type + ");\n" + copy + ";\nDROP TABLE notes;\n");

        List<String> messages = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.ruleId().equals("drop-table")).map(Finding::message).toList();

        assertEquals(List.of(expected), messages);
    }
}
