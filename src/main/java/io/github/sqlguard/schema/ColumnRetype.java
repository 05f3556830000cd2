package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.Optional;
import java.util.Set;

/**
 * A column that one statement gives a type, with the type the replay knew before.
 *
 * @param table the table as the replay names it
 * @param column the column as the statement writes it (MySQL CHANGE: the old name)
 * @param from the type before the statement, empty when unknown
 * @param to the type the statement gives, empty when it could not be read
 * @param unknownBecause why {@code from} is unknown ({@code "table x is not created by the migrations that run
 *     before this one"}); empty when it is known
 * @param database the database whose migration history this was judged in, empty when the migrations do not
 *     tell databases apart
 * @param movedValues the ENUM values the same script run moved out of the column before ({@link MovedEnumValues}),
 *     which no row holds any more, as written between the quotes
 * @param enumValues the values of both PostgreSQL enum types, when the replay knows them and the change only casts
 *     the column from one to the other; empty otherwise
 */
public record ColumnRetype(String table, String column, Optional<SqlType> from, Optional<SqlType> to,
        String unknownBecause, String database, Set<String> movedValues, Optional<EnumValueLists> enumValues) {

    public ColumnRetype {
        movedValues = Set.copyOf(movedValues);
    }

    public ColumnRetype(String table, String column, Optional<SqlType> from, Optional<SqlType> to,
            String unknownBecause, String database) {
        this(table, column, from, to, unknownBecause, database, Set.of(), Optional.empty());
    }

    /** The judgement of the change, empty when either type is unknown. */
    public Optional<TypeChange> change(Dialect dialect) {
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(enumValues.isPresent()
                ? EnumValues.postgresChange(from.get(), to.get(), enumValues.get(), movedValues)
                : TypeChange.of(from.get(), to.get(), dialect, movedValues));
    }

    /** The same change, as judged in the history of {@code name}. */
    ColumnRetype on(String name) {
        return new ColumnRetype(table, column, from, to, unknownBecause, name, movedValues, enumValues);
    }

    /** The same change with the reason its old type is unknown. */
    ColumnRetype unknownBecause(String reason) {
        return new ColumnRetype(table, column, Optional.empty(), to, reason, database, movedValues, Optional.empty());
    }

    /** The same change, in a column no row of which holds {@code values} any more. */
    ColumnRetype withMovedValues(Set<String> values) {
        return new ColumnRetype(table, column, from, to, unknownBecause, database, values, enumValues);
    }
}
