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
 * A copy guards the drop of its source only while it holds what it took. Statements that replace or update rows of
 * the copy without naming one table's columns (REPLACE, upserts, a MERGE's UPDATE, an UPDATE of a join) and those
 * that empty it in other ways than TRUNCATE (INSERT OVERWRITE, a drop of its schema) end that guard; adding rows does
 * not.
 */
class LinterOverwrittenCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | REPLACE INTO orders_bak (id, total) SELECT id, 0 FROM orders \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            MYSQL      | LOAD DATA INFILE '/srv/orders.csv' REPLACE INTO TABLE orders_bak \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            MARIADB    | INSERT INTO orders_bak (id, total) SELECT id, 0 FROM orders ON DUPLICATE KEY UPDATE total = 0 \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            POSTGRESQL | INSERT INTO orders_bak (id, total) SELECT id, 0 FROM orders ON CONFLICT (id) DO UPDATE SET total = 0 \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            POSTGRESQL | MERGE INTO orders_bak b USING orders o ON b.id = o.id WHEN MATCHED THEN UPDATE SET total = 0 \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            H2         | MERGE INTO orders_bak KEY (id) SELECT id, 0, note FROM orders \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            MYSQL      | UPDATE orders_bak b JOIN orders o ON o.id = b.id SET b.total = 0 \
            | ERROR | (the copy to orders_bak at line 1 no longer holds column total, which line 2 overwrites)
            MYSQL      | UPDATE orders o JOIN orders_bak b ON b.id = o.id SET b.total = 0 \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            H2         | MERGE INTO orders_bak KEY (id) SELECT o.id, 0, o.note FROM orders o JOIN orders_bak USING (id) \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            POSTGRESQL | UPSERT INTO orders_bak (id, total) SELECT id, 0 FROM orders \
            | ERROR | (the copy to orders_bak at line 1 no longer holds what it copied, which line 2 overwrites)
            AUTO       | INSERT OVERWRITE INTO orders_bak SELECT * FROM orders WHERE id < 0 \
            | ERROR |
            POSTGRESQL | INSERT INTO orders_bak (id, total) SELECT id, 0 FROM orders ON CONFLICT (id) DO NOTHING \
            | INFO | (guarded: rows copied to orders_bak at line 1)
            POSTGRESQL | INSERT INTO orders_bak (id, total, note) VALUES (99, 1, 'late') \
            | INFO | (guarded: rows copied to orders_bak at line 1)
            """)
    void aChangeOfTheCopysRowsBeforeItsSourceIsDropped(Dialect dialect, String change, String severity,
            String note) throws IOException {
        List<Finding> drops = dropsOfOrders(dialect, "orders_bak", change);

        assertEquals(3, drops.get(0).location().line());
        assertEquals(severity, drops.get(0).severity().name(), drops.get(0).message());
        assertEquals(("DROP TABLE removes table orders and all its rows " + (note == null ? "" : note)).trim(),
                drops.get(0).message());
    }

    /** Dropping the schema or database the copy went to drops the copy with it. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DROP SCHEMA backup CASCADE  | ERROR
            MYSQL      | DROP DATABASE backup        | ERROR
            POSTGRESQL | DROP SCHEMA elsewhere CASCADE | INFO
            """)
    void aDropOfTheCopysSchema(Dialect dialect, String drop, String severity) throws IOException {
        List<Finding> drops = dropsOfOrders(dialect, "backup.orders_bak", drop);

        assertEquals(severity, drops.get(0).severity().name(), drops.get(0).message());
    }

    /** The drop-table findings of a script that copies orders to {@code copy}, runs {@code change}, drops orders. */
    private List<Finding> dropsOfOrders(Dialect dialect, String copy, String change) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note VARCHAR(20));\n");
        TestProject.write(project, "db/V2__move.sql", "CREATE TABLE " + copy + " AS SELECT * FROM orders;\n"
                + change + ";\nDROP TABLE orders;\n");
        List<Finding> drops = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();
        assertEquals(1, drops.size(), drops.toString());
        return drops;
    }
}
