package io.github.sqlguard.schema;

import java.util.Optional;

/**
 * A column as the replayed migrations define it.
 *
 * @param name the name as written
 * @param type the type, empty when a statement changed it in a way the replay could not read
 * @param notNull true when the column is declared NOT NULL (or is part of a primary key)
 * @param computed true when the database computes every value from the row's other columns ({@code GENERATED
 *     ALWAYS AS (expr)}, MySQL's and SQL Server's {@code AS (expr)}), so the column holds nothing of its own
 */
public record Column(String name, Optional<SqlType> type, boolean notNull, boolean computed) {

    /** A column that holds values of its own. */
    public Column(String name, Optional<SqlType> type, boolean notNull) {
        this(name, type, notNull, false);
    }

    Column withType(Optional<SqlType> newType) {
        return new Column(name, newType, notNull, computed);
    }

    Column withNotNull(boolean value) {
        return new Column(name, type, value, computed);
    }

    Column withComputed(boolean value) {
        return new Column(name, type, notNull, value);
    }

    Column renamed(String newName) {
        return new Column(newName, type, notNull, computed);
    }
}
