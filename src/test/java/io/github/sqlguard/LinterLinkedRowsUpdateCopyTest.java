package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table whose primary key is a foreign key to another table's primary key holds one row per row of that table:
 * UPDATEs that copy each of its columns, as they are, into the row its key names keep every value, so dropping it
 * afterwards is guarded. A copy that leaves a column out, converts it, reaches only some rows, or is followed by a
 * write to the source keeps the error.
 */
class LinterLinkedRowsUpdateCopyTest {

    private static final String LINKED = "CONSTRAINT fk_info_device FOREIGN KEY (device_id) REFERENCES device (id)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            joined copy of every column      | PRIMARY KEY | LINKED | UPDATE device d JOIN device_info i ON d.id = i.device_id SET d.address = i.address, d.seen = i.seen;                    | INFO
            one subquery per column          | PRIMARY KEY | LINKED | UPDATE device d SET address = (SELECT i.address FROM device_info i WHERE d.id = i.device_id); UPDATE device d SET seen = (SELECT i.seen FROM device_info i WHERE i.device_id = d.id); | INFO
            tied by the unqualified id       | PRIMARY KEY | LINKED | UPDATE device SET address = (SELECT i.address FROM device_info i WHERE i.device_id = id), seen = (SELECT i.seen FROM device_info i WHERE id = i.device_id); | INFO
            tied by the source's own column  | PRIMARY KEY | LINKED | UPDATE device SET address = (SELECT i.address FROM device_info i WHERE i.device_id = device_id), seen = (SELECT i.seen FROM device_info i WHERE i.device_id = device_id); | ERROR
            a column left out                | PRIMARY KEY | LINKED | UPDATE device d JOIN device_info i ON d.id = i.device_id SET d.address = i.address;                                     | ERROR
            a converted column               | PRIMARY KEY | LINKED | UPDATE device d JOIN device_info i ON d.id = i.device_id SET d.address = i.address, d.seen = i.seen + 1;                | ERROR
            a WHERE beside the join          | PRIMARY KEY | LINKED | UPDATE device d JOIN device_info i ON d.id = i.device_id SET d.address = i.address, d.seen = i.seen WHERE i.seen > 0;   | ERROR
            a WHERE around the subqueries    | PRIMARY KEY | LINKED | UPDATE device d SET address = (SELECT i.address FROM device_info i WHERE d.id = i.device_id), seen = (SELECT i.seen FROM device_info i WHERE d.id = i.device_id) WHERE d.name IS NOT NULL; | ERROR
            no foreign key                   | PRIMARY KEY | ""     | UPDATE device d JOIN device_info i ON d.id = i.device_id SET d.address = i.address, d.seen = i.seen;                    | ERROR
            several rows per device          | ""          | LINKED | UPDATE device d JOIN device_info i ON d.id = i.device_id SET d.address = i.address, d.seen = i.seen;                    | ERROR
            source written after the copy    | PRIMARY KEY | LINKED | UPDATE device d JOIN device_info i ON d.id = i.device_id SET d.address = i.address, d.seen = i.seen; UPDATE device_info SET seen = 0 WHERE seen < 0; | ERROR
            copied value overwritten         | PRIMARY KEY | LINKED | UPDATE device d JOIN device_info i ON d.id = i.device_id SET d.address = i.address, d.seen = i.seen; UPDATE device SET seen = 0 WHERE seen < 0; | ERROR
            """)
    void dropOfTheSourceIsGuardedOnlyByACopyOfEveryValueOfEveryRow(String name, String primaryKey, String foreignKey,
            String copy, String severity) throws IOException {
        writeSchema(primaryKey.isEmpty() ? "" : " PRIMARY KEY", foreignKey.isEmpty() ? "" : ",\n    " + LINKED);
        TestProject.write(project, "db/V2__merge.sql", """
                ALTER TABLE device ADD COLUMN address VARCHAR(64);
                ALTER TABLE device ADD COLUMN seen BIGINT;
                %s
                DROP TABLE device_info;
                """.formatted(copy.replace("; ", ";\n")));

        assertEquals(List.of(severity), dropsOfSource().stream().map(f -> f.severity().name()).toList());
    }

    @Test
    void guardedDropSaysWhereEveryRowWent() throws IOException {
        writeSchema(" PRIMARY KEY", ",\n    " + LINKED);
        TestProject.write(project, "db/V2__merge.sql", """
                ALTER TABLE device ADD COLUMN address VARCHAR(64);
                ALTER TABLE device ADD COLUMN seen BIGINT;
                UPDATE device d INNER JOIN device_info i ON d.id = i.device_id
                SET d.address = i.address, d.seen = i.seen;
                ALTER TABLE device_info DROP FOREIGN KEY fk_info_device;
                  DROP TABLE device_info;
                """);

        Finding drop = dropsOfSource().get(0);

        assertEquals("INFO 6:3 DROP TABLE removes table device_info and all its rows (guarded: values of every row"
                + " copied to device at line 3 by an UPDATE, into the row its foreign key device_id names)",
                drop.severity() + " " + drop.location().line() + ":" + drop.location().column() + " " + drop.message());
    }

    private void writeSchema(String infoKey, String constraint) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE device (id BIGINT PRIMARY KEY, name VARCHAR(64));
                CREATE TABLE device_info (device_id BIGINT NOT NULL%s, address VARCHAR(64), seen BIGINT%s);
                """.formatted(infoKey, constraint));
    }

    private List<Finding> dropsOfSource() {
        return ProjectLint.findings(project, Dialect.MYSQL).stream().filter(f -> f.ruleId().equals("drop-table"))
                .toList();
    }
}
