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
 * A table rebuild that copies a column into a column of another name renames it, as {@code ALTER TABLE .. RENAME
 * COLUMN} would on another database: the rebuild's last step, where the new table takes the old one's name, reports
 * the rename, while the copy still guards the drop of the old table.
 */
class LinterRebuildRenamedColumnTest {

    @TempDir
    Path project;

    /**
     * Each line: the dialect, the new table's columns, the copy's column list and select list, and the rename
     * findings as {@code line:column message}, joined by {@code ;} (empty for none).
     */
    @ParameterizedTest(name = "{0}: ({2}) SELECT {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | id TEXT, pk_old INTEGER, name TEXT      | id, pk_old, name     | id, pk, name          | 4:24 the rebuild of client (rows copied to client_new at line 2) renames column pk to pk_old
            SQLITE     | id TEXT, pk_old INTEGER, pk TEXT, name TEXT | id, pk_old, pk, name | id, pk, lower(hex(randomblob(16))), name | 4:24 the rebuild of client (rows copied to client_new at line 2) renames column pk to pk_old
            SQLITE     | id TEXT, pk_old INTEGER, name TEXT      | id, pk_old, name     | c.id, c.pk, c.name    | 4:24 the rebuild of client (rows copied to client_new at line 2) renames column pk to pk_old
            SQLITE     | id TEXT, pk INTEGER, name TEXT          | id, pk, name         | id, pk, name          |
            SQLITE     | id TEXT, pk INTEGER, pk_old INTEGER, name TEXT | id, pk, pk_old, name | id, pk, pk, name |
            SQLITE     | id TEXT, name TEXT                      | id, name             | id, name              |
            POSTGRESQL | id TEXT, pk_old INTEGER, name TEXT      | id, pk_old, name     | id, pk, name          | 4:24 the rebuild of client (rows copied to client_new at line 2) renames column pk to pk_old
            """)
    void aColumnCopiedUnderAnotherNameIsRenamed(Dialect dialect, String columns, String written, String selected,
            String expected) throws IOException {
        write("db/V0__init.sql", "CREATE TABLE client (id TEXT PRIMARY KEY, pk INTEGER NOT NULL, name TEXT);\n");
        List<Finding> findings = ProjectLint.findingsOfScript(project, dialect, """
                CREATE TABLE client_new (%s);
                INSERT INTO client_new (%s) SELECT %s FROM client c;
                DROP TABLE client;
                ALTER TABLE client_new RENAME TO client;""".formatted(columns, written, selected));

        assertEquals(expected == null ? "" : expected, String.join("; ", findings.stream()
                .filter(f -> f.ruleId().equals("rename-column"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList()));
    }

    @Test
    void theCopyStillGuardsTheDropOfTheRebuiltTable() throws IOException {
        write("db/V0__init.sql", "CREATE TABLE client (id TEXT PRIMARY KEY, pk INTEGER NOT NULL);\n");
        List<Finding> findings = ProjectLint.findingsOfScript(project, Dialect.SQLITE, """
                CREATE TABLE "_client_tmp" (id TEXT PRIMARY KEY, pk_deprecated INTEGER);
                INSERT INTO "_client_tmp" (id, pk_deprecated) SELECT id, pk FROM "client";
                DROP TABLE "client";
                ALTER TABLE "_client_tmp" RENAME TO "client";""");

        assertEquals(List.of("3:1 drop-table INFO", "4:27 rename-column WARNING"), findings.stream()
                .filter(f -> f.ruleId().equals("drop-table") || f.ruleId().equals("rename-column"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity())
                .toList());
    }

    @Test
    void aCopyFromAnotherTableRenamesNothing() throws IOException {
        write("db/V0__init.sql", "CREATE TABLE client (id TEXT PRIMARY KEY, pk INTEGER NOT NULL);\n"
                + "CREATE TABLE archive (id TEXT PRIMARY KEY, pk INTEGER NOT NULL);\n");
        List<Finding> findings = ProjectLint.findingsOfScript(project, Dialect.SQLITE, """
                CREATE TABLE client_new (id TEXT PRIMARY KEY, pk_old INTEGER);
                INSERT INTO client_new (id, pk_old) SELECT id, pk FROM archive;
                DROP TABLE client;
                ALTER TABLE client_new RENAME TO client;""");

        assertEquals(List.of(), findings.stream().filter(f -> f.ruleId().equals("rename-column")).toList());
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }
}
