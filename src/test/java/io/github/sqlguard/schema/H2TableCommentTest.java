package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** H2's {@code SCRIPT} writes a table's comment between its name and its columns; the columns are still read. */
class H2TableCommentTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "AUTO"})
    void aCommentBeforeTheColumnListLeavesTheColumnsKnown(Dialect dialect) {
        SchemaView schema = SchemaReplayTest.replayed(dialect, """
                CREATE CACHED TABLE "PUBLIC"."COLLECTION" COMMENT 'Collections, "quoted" and it''s'(
                    "ID" INTEGER NOT NULL,
                    "SLUG" CHARACTER VARYING(254) COMMENT 'Sluggified name' NOT NULL
                );
                """);

        Table table = schema.table("collection").orElseThrow();
        assertTrue(table.complete());
        assertEquals("CHARACTER VARYING(254)",
                schema.columnType("collection", "slug").map(SqlType::written).orElse("unknown"));
    }
}
