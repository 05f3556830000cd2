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
 * @param filledForRun true when the column is {@code filled} only because the running script made it nullable while
 *     it was NOT NULL, or while the replay did not know it: a redefinition writes no NULL, but the application may
 *     write some once the script has run, so this lasts until the script ends ({@link #madeNullable})
 * @param numberedFrom the first number the database gives a new row's value when the column numbers rows itself,
 *     upwards ({@code AUTO_INCREMENT}, {@code IDENTITY}, the serial types, {@code GENERATED .. AS IDENTITY}); null
 *     for any other column, or one numbered downwards
 */
public record Column(String name, Optional<SqlType> type, boolean notNull, boolean computed, boolean filled,
        boolean filledForRun, Long numberedFrom) {

    /**
     * A column the database does not number, whose NULLs, if any, do not depend on where the running script ends.
     */
    public Column(String name, Optional<SqlType> type, boolean notNull, boolean computed, boolean filled) {
        this(name, type, notNull, computed, filled, false, null);
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
        return new Column(name, newType, notNull, computed, filled, filledForRun, numberedFrom);
    }

    /** A column made nullable again may take NULLs from then on: what filled it before no longer counts. */
    Column withNotNull(boolean value) {
        boolean stillFilled = filled && (value || !notNull);
        return new Column(name, type, value, computed, stillFilled, stillFilled && filledForRun, numberedFrom);
    }

    /**
     * The column as a redefinition of the running script that drops its NOT NULL ({@code MODIFY c .. NULL}, a
     * {@code CHANGE} that leaves NOT NULL out) leaves it: the rows keep their values, so one that was NOT NULL holds
     * no NULL until a write may put one there, and neither does one the replay did not know ({@code known} false)
     * hold a NULL the replay knows of. The application may write NULLs once the script has run, so that lasts until
     * then.
     */
    Column madeNullable(boolean known) {
        boolean heldNoNull = notNull || !known;
        return heldNoNull && !filled ? new Column(name, type, false, computed, true, true, numberedFrom)
                : new Column(name, type, false, computed, filled, filled && filledForRun, numberedFrom);
    }

    Column withComputed(boolean value) {
        return new Column(name, type, notNull, value, filled, filledForRun, numberedFrom);
    }

    /** The same column numbered by the database from {@code first} upwards, or, with null, not numbered. */
    Column withNumberedFrom(Long first) {
        return new Column(name, type, notNull, computed, filled, filledForRun, first);
    }

    /** A statement filled every row ({@code true}), or may have written NULL ({@code false}), for good. */
    Column withFilled(boolean value) {
        return new Column(name, type, notNull, computed, value, false, numberedFrom);
    }

    Column renamed(String newName) {
        return new Column(newName, type, notNull, computed, filled, filledForRun, numberedFrom);
    }
}
