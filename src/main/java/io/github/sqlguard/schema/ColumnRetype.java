package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.Optional;

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
 */
public record ColumnRetype(String table, String column, Optional<SqlType> from, Optional<SqlType> to,
        String unknownBecause, String database) {

    /** The judgement of the change, empty when either type is unknown. */
    public Optional<TypeChange> change(Dialect dialect) {
        return from.isPresent() && to.isPresent() ? Optional.of(TypeChange.of(from.get(), to.get(), dialect))
                : Optional.empty();
    }

    /** The same change, as judged in the history of {@code name}. */
    ColumnRetype on(String name) {
        return new ColumnRetype(table, column, from, to, unknownBecause, name);
    }

    /** The same change with the reason its old type is unknown. */
    ColumnRetype unknownBecause(String reason) {
        return new ColumnRetype(table, column, Optional.empty(), to, reason, database);
    }
}
