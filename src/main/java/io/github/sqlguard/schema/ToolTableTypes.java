package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column types of a table a migration tool creates for itself (Liquibase's DATABASECHANGELOG, Flyway's history
 * table), which no migration creates, spelled as the tool writes them on each database.
 */
final class ToolTableTypes {

    private ToolTableTypes() {
    }

    /**
     * The type {@code types} (by lower-case column name, in portable spelling) give {@code column}, spelled for
     * {@code dialect}'s database; empty for a column the tool does not create.
     */
    static Optional<SqlType> of(Map<String, String> types, String column, Dialect dialect) {
        return Optional.ofNullable(types.get(SchemaNames.key(column).toLowerCase(Locale.ROOT)))
                .map(type -> spelledFor(type, dialect))
                .map(SqlType::parse);
    }

    private static String spelledFor(String type, Dialect dialect) {
        return switch (dialect) {
            // SQL Server: the tools write text columns NVARCHAR (their JDBC drivers send strings as Unicode), a
            // timestamp DATETIME (SQL Server's TIMESTAMP is a row version, no time) and a flag BIT.
            case SQLSERVER -> type.replace("VARCHAR", "NVARCHAR").replace("TIMESTAMP", "DATETIME")
                    .replace("BOOLEAN", "BIT");
            // Oracle has no BOOLEAN column before 23ai: the tools write NUMBER(1).
            case ORACLE -> type.replace("VARCHAR", "VARCHAR2").replace("BOOLEAN", "NUMBER(1)");
            // MySQL: BOOL is TINYINT(1).
            case MYSQL, MARIADB -> type.replace("BOOLEAN", "TINYINT(1)");
            default -> type;
        };
    }
}
