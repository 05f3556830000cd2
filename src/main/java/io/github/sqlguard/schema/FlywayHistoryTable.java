package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The column types of the table in which Flyway records the migrations it ran. Flyway creates it itself, so no
 * migration does, yet its columns are no unknown: Flyway writes them with these types on every database, with the
 * database's own spelling for text, timestamps and truth values (NVARCHAR, DATETIME and BIT on SQL Server,
 * VARCHAR2 and NUMBER(1) on Oracle). A migration that widens them (a longer description) loses nothing; one that
 * narrows them is judged as any other narrowing.
 *
 * <p>Its name is {@code flyway_schema_history} since Flyway 5, {@code schema_version} before, or what the project
 * configures ({@code table}, {@code flyway.table}, {@code spring.flyway.table}).
 *
 * @param names the keys of the names the table goes by, lower case and without a schema
 */
record FlywayHistoryTable(Set<String> names) {

    /** The names Flyway gives the table when none is configured: that of Flyway 5 on, and that of before. */
    static final FlywayHistoryTable DEFAULT = new FlywayHistoryTable(Set.of("flyway_schema_history", "schema_version"));

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("installed_rank", "INT"),
            // Only the table of Flyway before version 4 has it.
            Map.entry("version_rank", "INT"),
            Map.entry("version", "VARCHAR(50)"),
            Map.entry("description", "VARCHAR(200)"),
            Map.entry("type", "VARCHAR(20)"),
            Map.entry("script", "VARCHAR(1000)"),
            Map.entry("checksum", "INT"),
            Map.entry("installed_by", "VARCHAR(100)"),
            Map.entry("installed_on", "TIMESTAMP"),
            Map.entry("execution_time", "INT"),
            Map.entry("success", "BOOLEAN"));

    FlywayHistoryTable {
        names = Set.copyOf(names);
    }

    /**
     * The default names and {@code configured} (names as settings give them, perhaps schema-qualified or quoted): a
     * project that moved its history to another table may still alter the old one.
     */
    static FlywayHistoryTable named(List<String> configured) {
        Set<String> names = new LinkedHashSet<>(DEFAULT.names);
        for (String name : configured) {
            if (name != null && !name.isBlank()) {
                names.add(SchemaNames.key(name.strip()));
            }
        }
        return names.size() == DEFAULT.names.size() ? DEFAULT : new FlywayHistoryTable(names);
    }

    /**
     * The type Flyway gives {@code column} of {@code table} when that is its history table under one of these
     * names, in any schema, on {@code dialect}'s database; empty for any other table or column.
     */
    Optional<SqlType> typeOf(String table, String column, Dialect dialect) {
        if (!names.contains(SchemaNames.key(table))) {
            return Optional.empty();
        }
        return ToolTableTypes.of(TYPES, column, dialect);
    }
}
