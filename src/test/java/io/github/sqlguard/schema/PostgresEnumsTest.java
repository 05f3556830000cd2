package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresEnumsTest {

    @Test
    void columnsFollowTheRenameOfTheirTypeArraysIncluded() {
        SchemaView schema = SchemaReplayTest.replayed(Dialect.POSTGRESQL, """
                CREATE TYPE "public"."Role" AS ENUM ('USER', 'ADMIN');
                CREATE TABLE "User" (id int PRIMARY KEY, role "public"."Role", roles "Role"[], note text);
                ALTER TYPE "public"."Role" RENAME TO "Role_old";
                """);

        assertEquals("\"Role_old\"", schema.columnType("User", "role").orElseThrow().written());
        assertEquals("\"Role_old\"[]", schema.columnType("User", "roles").orElseThrow().written());
        assertEquals("text", schema.columnType("User", "note").orElseThrow().written());
        assertEquals(List.of("User.role", "User.roles"), schema.columnsOfType("Role_old"));
        assertEquals(List.of(), schema.columnsOfType("Role"));
    }

    @Test
    void aQualifiedColumnTypeIsFoundByItsName() {
        SchemaView schema = SchemaReplayTest.replayed(Dialect.POSTGRESQL, """
                CREATE TABLE "User" (id int PRIMARY KEY, role "public"."Role");
                """);

        assertEquals(List.of("User.role"), schema.columnsOfType("\"public\".\"Role\""));
    }
}
