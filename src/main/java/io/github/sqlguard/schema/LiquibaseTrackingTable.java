package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.Map;
import java.util.Optional;

/**
 * The column types of DATABASECHANGELOG, the table in which Liquibase records the changesets it ran. Liquibase
 * creates it itself, so no migration does, yet its columns are no unknown: since Liquibase 3 it writes them with
 * these types on every database, in its spelling ({@link ToolTableTypes}: NVARCHAR and DATETIME on SQL Server);
 * older versions made ID, AUTHOR and FILENAME narrower, 63 and 200 characters, so the widest type is the one a change
 * is judged against. A changeset that widens them again after a Liquibase upgrade
 * loses nothing; one that narrows them is judged as any other narrowing.
 */
final class LiquibaseTrackingTable {

    private static final String NAME = "databasechangelog";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("id", "VARCHAR(255)"),
            Map.entry("author", "VARCHAR(255)"),
            Map.entry("filename", "VARCHAR(255)"),
            Map.entry("dateexecuted", "TIMESTAMP"),
            Map.entry("orderexecuted", "INT"),
            Map.entry("exectype", "VARCHAR(10)"),
            Map.entry("md5sum", "VARCHAR(35)"),
            Map.entry("description", "VARCHAR(255)"),
            Map.entry("comments", "VARCHAR(255)"),
            Map.entry("tag", "VARCHAR(255)"),
            Map.entry("liquibase", "VARCHAR(20)"),
            Map.entry("contexts", "VARCHAR(255)"),
            Map.entry("labels", "VARCHAR(255)"),
            Map.entry("deployment_id", "VARCHAR(10)"));

    private LiquibaseTrackingTable() {
    }

    /**
     * The type Liquibase gives {@code column} of {@code table} when that is its tracking table under the default
     * name, in any schema, on {@code dialect}'s database; empty for any other table or column.
     */
    static Optional<SqlType> typeOf(String table, String column, Dialect dialect) {
        if (!SchemaNames.key(table).equals(NAME)) {
            return Optional.empty();
        }
        return ToolTableTypes.of(TYPES, column, dialect);
    }
}
