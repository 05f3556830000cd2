package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cast to a type that holds every value of the column's own type ({@code SET text_new = CAST(text AS
 * VARCHAR(4000))} of a {@code VARCHAR(255)}, {@code SET id_new = CAST(id AS BIGINT)} of an {@code INTEGER}), as
 * scripts write when they move a column into a wider one: the database converts each value exactly, so the cast
 * copies it as it is, and the old column's drop afterwards loses nothing. The comparison is the one
 * {@code alter-column-type} makes; a type it cannot judge, or a column whose type the replay does not know, keeps
 * the cast a conversion that may change values.
 */
final class WideningCasts {

    private WideningCasts() {
    }

    /** {@code update} with each conversion through such a cast read as a copy. */
    static ColumnWrites.Update readAsCopies(ColumnWrites.Update update, SchemaView before, Dialect dialect) {
        Map<String, String> copies = new LinkedHashMap<>(update.copies());
        Map<String, String> conversions = new LinkedHashMap<>(update.conversions());
        Map<String, String> castTypes = new LinkedHashMap<>(update.castTypes());
        update.castTypes().forEach((source, type) -> {
            if (conversions.containsKey(source) && before.columnType(update.table(), source)
                    .map(from -> TypeChange.of(from, SqlType.parse(type), dialect).lossless()).orElse(false)) {
                copies.put(source, conversions.remove(source));
                castTypes.remove(source);
            }
        });
        if (conversions.size() == update.conversions().size()) {
            return update;
        }
        return new ColumnWrites.Update(update.table(), update.assigned(), Map.copyOf(copies), update.everyRow(),
                update.cleared(), update.rowsWithValueIn(), update.rowsWithoutValueIn(), Map.copyOf(conversions),
                update.derivations(), Map.copyOf(castTypes), update.rowIndependent(), update.fixesChosenRows(),
                update.distinctPerRow());
    }
}
