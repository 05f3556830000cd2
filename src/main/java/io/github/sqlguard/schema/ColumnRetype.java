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
 */
public record ColumnRetype(String table, String column, Optional<SqlType> from, Optional<SqlType> to) {

    /** The judgement of the change, empty when either type is unknown. */
    public Optional<TypeChange> change(Dialect dialect) {
        return from.isPresent() && to.isPresent() ? Optional.of(TypeChange.of(from.get(), to.get(), dialect))
                : Optional.empty();
    }
}
