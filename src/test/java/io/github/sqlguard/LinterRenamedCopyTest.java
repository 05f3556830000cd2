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
 * A copy follows its table through a rename: the guard of the source's drop says where the rows are now, a drop of
 * the new name loses them, and a table that later takes the old name holds none of them.
 */
class LinterRenamedCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE orders_bak RENAME TO orders_old \
            | INFO  | (guarded: rows copied to orders_bak at line 1, renamed to orders_old at line 2)
            MYSQL      | RENAME TABLE orders_bak TO orders_old \
            | INFO  | (guarded: rows copied to orders_bak at line 1, renamed to orders_old at line 2)
            SQLSERVER  | EXEC sp_rename 'orders_bak', 'orders_old' \
            | INFO  | (guarded: rows copied to orders_bak at line 1, renamed to orders_old at line 2)
            POSTGRESQL | ALTER TABLE orders_bak RENAME TO orders_old;\\nDROP TABLE orders_old \
            | ERROR |
            POSTGRESQL | ALTER TABLE orders_bak RENAME TO orders_old;\\nALTER TABLE orders_old DROP COLUMN note \
            | ERROR | (the copy to orders_bak at line 1 no longer holds column note, which line 3 drops)
            POSTGRESQL | ALTER TABLE orders_bak RENAME TO orders_old;\\nCREATE TABLE orders_bak (id INT);\\n\
            DROP TABLE orders_bak \
            | INFO  | (guarded: rows copied to orders_bak at line 1, renamed to orders_old at line 2)
            """)
    void theCopyIsWhereTheRenameTookIt(Dialect dialect, String between, String severity, String note)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note VARCHAR(20));\n");
        TestProject.write(project, "db/V2__move.sql", "CREATE TABLE orders_bak AS SELECT * FROM orders;\n"
                + between.replace("\\n", "\n") + ";\nDROP TABLE orders;\n");

        List<Finding> drops = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("drop-table") && f.message().contains("table orders ")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(severity, drops.get(0).severity().name(), drops.get(0).message());
        assertEquals(("DROP TABLE removes table orders and all its rows " + (note == null ? "" : note)).trim(),
                drops.get(0).message());
    }
}
