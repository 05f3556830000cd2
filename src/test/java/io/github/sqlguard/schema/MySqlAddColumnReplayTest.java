package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MySQL's ADD [COLUMN] forms each add their columns, with their types, to the replayed table. */
class MySqlAddColumnReplayTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "ALTER TABLE t ADD COLUMN (h BIT DEFAULT 0, i VARCHAR(10))",
        "ALTER TABLE t ADD (h BIT DEFAULT 0, i VARCHAR(10))",
        "ALTER TABLE t ADD COLUMN h BIT DEFAULT 0, ADD COLUMN i VARCHAR(10)",
        "ALTER TABLE t ADD h BIT DEFAULT 0, ADD i VARCHAR(10)"
    })
    void addsEveryListedColumn(String alter) {
        SchemaView schema = SchemaReplayTest.replayed(Dialect.MYSQL, "CREATE TABLE t (a INT);\n" + alter + ";\n");

        assertEquals("BIT", schema.columnType("t", "h").map(SqlType::written).orElse("unknown"));
        assertEquals("VARCHAR(10)", schema.columnType("t", "i").map(SqlType::written).orElse("unknown"));
    }
}
