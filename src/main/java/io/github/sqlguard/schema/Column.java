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
 * @param filled true when a statement the replay followed gave every row a value that is not NULL since the column
 *     was last made nullable, and no insert or update of the table since may have written NULL into it
 *     ({@link NullFills}): declaring it NOT NULL then replaces no NULL
 * @param numberedFrom the first number the database gives a new row's value when the column numbers rows itself,
 *     upwards ({@code AUTO_INCREMENT}, {@code IDENTITY}, the serial types, {@code GENERATED .. AS IDENTITY}); null
 *     for any other column, or one numbered downwards
 */
public record Column(String name, Optional<SqlType> type, boolean notNull, boolean computed, boolean filled,
        Long numberedFrom) {

    /** A column the database does not number. */
    public Column(String name, Optional<SqlType> type, boolean notNull, boolean computed, boolean filled) {
        this(name, type, notNull, computed, filled, null);
    }

    /** A column that holds values of its own. */
    public Column(String name, Optional<SqlType> type, boolean notNull) {
        this(name, type, notNull, false);
    }

    /** A column of which nothing is known to have filled every row. */
    public Column(String name, Optional<SqlType> type, boolean notNull, boolean computed) {
        this(name, type, notNull, computed, false);
    }

    Column withType(Optional<SqlType> newType) {
        return new Column(name, newType, notNull, computed, filled, numberedFrom);
    }

    /** A column made nullable again may take NULLs from then on: what filled it before no longer counts. */
    Column withNotNull(boolean value) {
        return new Column(name, type, value, computed, filled && (value || !notNull), numberedFrom);
    }

    Column withComputed(boolean value) {
        return new Column(name, type, notNull, value, filled, numberedFrom);
    }

    /** The same column numbered by the database from {@code first} upwards, or, with null, not numbered. */
    Column withNumberedFrom(Long first) {
        return new Column(name, type, notNull, computed, filled, first);
    }

    Column withFilled(boolean value) {
        return new Column(name, type, notNull, computed, value, numberedFrom);
    }

    Column renamed(String newName) {
        return new Column(newName, type, notNull, computed, filled, numberedFrom);
    }
}
