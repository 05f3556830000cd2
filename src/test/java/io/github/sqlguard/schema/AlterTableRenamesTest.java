package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlterTableRenamesTest {

    private static List<Token> tokens(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("V1__t.sql", sql).statements().get(0)
                .tokens();
    }

    @Test
    void tableRenameIsTheTableItselfButNotH2sColumnRename() {
        assertTrue(AlterTableRenames.renamesTable(tokens(Dialect.POSTGRESQL,
                "ALTER TABLE IF EXISTS orders RENAME TO orders_old;"), 0));
        assertFalse(AlterTableRenames.renamesTable(tokens(Dialect.H2,
                "ALTER TABLE orders ALTER COLUMN total RENAME TO amount;"), 0));
        assertFalse(AlterTableRenames.renamesTable(tokens(Dialect.POSTGRESQL,
                "ALTER TABLE orders RENAME COLUMN total TO amount;"), 0));
        assertFalse(AlterTableRenames.renamesTable(tokens(Dialect.POSTGRESQL, "DROP TABLE orders;"), 0));
    }

    @Test
    void columnRenamesOfEachDialectsFormMapOldToNew() {
        assertEquals(Map.of("total", "amount"), AlterTableRenames.renamedColumns(tokens(Dialect.POSTGRESQL,
                "ALTER TABLE ONLY orders RENAME COLUMN total TO amount;"), 0));
        assertEquals(Map.of("Total", "amount"), AlterTableRenames.renamedColumns(tokens(Dialect.H2,
                "ALTER TABLE orders ALTER COLUMN \"Total\" RENAME TO amount;"), 0));
        assertEquals(Map.of("total", "amount", "note", "remark"), AlterTableRenames.renamedColumns(
                tokens(Dialect.MYSQL, "ALTER TABLE orders CHANGE total amount DECIMAL(10,2), "
                        + "CHANGE COLUMN note remark TEXT, CHANGE kept kept INT;"), 0));
    }

    @Test
    void renamesOfOtherObjectsAreNoColumnRenames() {
        assertEquals(Map.of(), AlterTableRenames.renamedColumns(tokens(Dialect.POSTGRESQL,
                "ALTER TABLE orders RENAME CONSTRAINT orders_pk TO orders_pkey;"), 0));
        assertEquals(Map.of(), AlterTableRenames.renamedColumns(tokens(Dialect.MYSQL,
                "ALTER TABLE orders RENAME INDEX ix_a TO ix_b;"), 0));
        assertEquals(Map.of(), AlterTableRenames.renamedColumns(tokens(Dialect.POSTGRESQL,
                "ALTER TABLE orders RENAME TO orders_old;"), 0));
    }
}
