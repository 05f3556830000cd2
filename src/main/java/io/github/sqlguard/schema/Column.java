package io.github.sqlguard.schema;

import java.util.Optional;

/**
 * A column as the replayed migrations define it.
 *
 * @param name the name as written
 * @param type the type, empty when a statement changed it in a way the replay could not read
 * @param notNull true when the column is declared NOT NULL (or is part of a primary key)
 */
public record Column(String name, Optional<SqlType> type, boolean notNull) {

    Column withType(Optional<SqlType> newType) {
        return new Column(name, newType, notNull);
    }

    Column withNotNull(boolean value) {
        return new Column(name, type, value);
    }

    Column renamed(String newName) {
        return new Column(newName, type, notNull);
    }
}
