package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scripts that move a column into a wider one copy it through a cast to the new type, then drop it: when an earlier
 * migration gave the column a type the cast's type holds every value of (a longer VARCHAR, a wider integer), the
 * cast keeps each value and the drop loses nothing; a narrower type, or T-SQL's VARCHAR without a length (30
 * characters in a cast), may cut them. Each line: the column's type, the dialect, the cast, and the finding of the
 * drop at line 3 as {@code line:column rule SEVERITY guard}.
 */
class LinterWideningCastCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{1}: {0} as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            varchar(255)  | POSTGRESQL | CAST(note AS varchar(4000)) | 3:19 drop-column INFO values of note copied to note_new at line 2
            integer       | POSTGRESQL | note::bigint                | 3:19 drop-column INFO values of note copied to note_new at line 2
            NUMBER(10)    | ORACLE     | CAST(note AS NUMBER(19))    | 3:19 drop-column INFO values of note copied to note_new at line 2
            nvarchar(64)  | SQLSERVER  | CAST(note AS nvarchar(255)) | 3:19 drop-column INFO values of note copied to note_new at line 2
            varchar(255)  | POSTGRESQL | CAST(note AS varchar(10))   | 3:19 drop-column ERROR
            bigint        | POSTGRESQL | note::int                   | 3:19 drop-column ERROR
            varchar(255)  | SQLSERVER  | CAST(note AS VARCHAR)       | 3:19 drop-column ERROR
            varchar(255)  | POSTGRESQL | CAST(note AS integer)       | 3:19 drop-column ERROR
            """)
    void aCastToATypeHoldingEveryValueCopiesTheColumn(String type, Dialect dialect, String cast, String drop)
            throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE notes (id integer NOT NULL, note " + type + ", PRIMARY KEY (id));\n",
                StandardCharsets.UTF_8);

        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, dialect, "ALTER TABLE notes ADD"
                + " note_new varchar(4000); UPDATE notes SET note_new = " + cast + "; ALTER TABLE notes DROP COLUMN"
                + " note;");

        assertEquals(List.of("2:1 update-without-where INFO column note_new was added earlier in this script and"
                + " nothing has written it since", drop), findings);
    }
}
