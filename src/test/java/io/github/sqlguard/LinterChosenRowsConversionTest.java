package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A column converted or copied into a new one by an UPDATE whose own WHERE picks the rows (the rows left out keeping
 * the new column's default), then dropped: the drop stays an ERROR, as some rows' values went nowhere or changed on
 * the way, and says where the others went and which rows the UPDATE took, as it does for a conversion of every row.
 */
class LinterChosenRowsConversionTest {

    @TempDir
    Path project;

    /** Each line: the dialect, the new column's type, the UPDATE's SET and WHERE, and the drop's finding. */
    @ParameterizedTest(name = "{0}: SET {2} WHERE {3}")
    @CsvSource(delimiter = '#', textBlock = """
            POSTGRESQL # jsonb DEFAULT '[]' NOT NULL # tags_json = cast('["' || REPLACE(tags, ';', '","') || '"]' as jsonb) # tags <> '[]' # 3:15 drop-column ERROR ALTER TABLE t drops column tags (values of tags converted to tags_json at line 2 by cast only in the rows where tags <> '[]', which may change them)
            MYSQL # TEXT # tags_json = CONCAT('[', tags, ']') # tags <> '' # 3:15 drop-column ERROR ALTER TABLE t drops column tags (values of tags converted to tags_json at line 2 by CONCAT only in the rows where tags <> '', which may change them)
            POSTGRESQL # TEXT # tags_json = tags # kind = 'a' # 3:15 drop-column ERROR ALTER TABLE t drops column tags (values of tags copied to tags_json at line 2 only in the rows where kind = 'a')
            POSTGRESQL # TEXT # tags_json = tags # tags IS NOT NULL # 3:15 drop-column INFO ALTER TABLE t drops column tags (guarded: values of tags copied to tags_json at line 2)
            """)
    void theDropSaysWhichRowsTheUpdateTook(Dialect dialect, String type, String set, String where, String expected)
            throws IOException {
        write("db/V0__init.sql", "CREATE TABLE t (id INT PRIMARY KEY, kind VARCHAR(10), tags TEXT);\n");
        List<Finding> drops = ProjectLint.findingsOfScript(project, dialect, """
                ALTER TABLE t ADD COLUMN tags_json %s;
                UPDATE t SET %s WHERE %s;
                ALTER TABLE t DROP COLUMN tags;""".formatted(type, set, where)).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(List.of(expected), drops.stream().map(f -> f.location().line() + ":" + f.location().column()
                + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList());
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }
}
