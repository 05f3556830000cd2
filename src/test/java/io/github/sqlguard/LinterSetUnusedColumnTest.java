package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Oracle's {@code ALTER TABLE t SET UNUSED COLUMN c} (and {@code SET UNUSED (a, b)}) is a drop of the column: its
 * values can no longer be read nor its name used. What guards a {@code DROP COLUMN} (a column the script added, a
 * copy of every value to another column) guards it the same way, and the schema replay forgets the column.
 */
class LinterSetUnusedColumnTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE notes ADD (body_clob CLOB); UPDATE notes SET body_clob = body; ALTER TABLE notes SET UNUSED COLUMN body; ALTER TABLE notes RENAME COLUMN body_clob TO body; | 2:1 update-without-where INFO column body_clob was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of body copied to body_clob at line 2, 4:19 rename-column INFO column body_clob was added earlier in this script
            ALTER TABLE notes ADD (body_clob CLOB); UPDATE notes SET body_clob = body; ALTER TABLE notes SET UNUSED (body); | 2:1 update-without-where INFO column body_clob was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of body copied to body_clob at line 2
            ALTER TABLE notes ADD tmp NUMBER(10); ALTER TABLE notes SET UNUSED (tmp); | 2:19 drop-column INFO column tmp was added earlier in this script
            ALTER TABLE notes ADD (body_clob CLOB); UPDATE notes SET body_clob = lower(body); ALTER TABLE notes SET UNUSED COLUMN body; | 2:1 update-without-where INFO column body_clob was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            ALTER TABLE notes SET UNUSED COLUMN body; | 1:19 drop-column ERROR
            """)
    void setUnusedIsGuardedAsADrop(String sql, String expected) throws IOException {
        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, Dialect.ORACLE, sql);

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }

    @Test
    void aCopyOfTheColumnsLeftAfterSetUnusedKeepsEveryRow() throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE notes (id NUMBER(10) PRIMARY KEY, body VARCHAR2(100));\n",
                StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V1__change.sql"), """
                ALTER TABLE notes SET UNUSED COLUMN body;
                CREATE TABLE notes_new (id NUMBER(10));
                INSERT INTO notes_new (id) SELECT id FROM notes;
                DROP TABLE notes;
                """, StandardCharsets.UTF_8);

        List<Finding> findings = ProjectLint.findings(project, Dialect.ORACLE);

        assertEquals(List.of("1:19 drop-column ERROR", "4:1 drop-table INFO rows copied to notes_new at line 3"),
                findings.stream().map(ProjectLint::placeAndGuard).toList());
    }
}
