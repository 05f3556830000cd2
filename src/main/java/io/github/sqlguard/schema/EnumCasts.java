package io.github.sqlguard.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An UPDATE that fills a column through a cast to a PostgreSQL enum, the way hand-written Prisma migrations turn a
 * text column into an enum ({@code ALTER TABLE t RENAME COLUMN status TO status_old; ALTER TABLE t ADD COLUMN status
 * "Status"; UPDATE t SET status = status_old::"Status"; ALTER TABLE t DROP COLUMN status_old}). Only a text that is
 * exactly one of the enum's labels converts; any other value, and a value of any type without a cast to the enum,
 * fails the whole statement. So a cast that succeeds keeps every value as it is, and guards the old column as a
 * plain copy does.
 */
final class EnumCasts {

    private EnumCasts() {
    }

    /**
     * {@code update} with each conversion through a cast to a type that {@code before} knows as an enum read as a
     * copy; its {@code castTypes} are those casts only, for {@link #how}.
     */
    static ColumnWrites.Update readAsCopies(ColumnWrites.Update update, SchemaView before) {
        Map<String, String> enumCasts = new LinkedHashMap<>();
        update.castTypes().forEach((source, type) -> {
            if (update.conversions().containsKey(source) && before.isEnumType(type)) {
                enumCasts.put(source, type);
            }
        });
        if (enumCasts.isEmpty()) {
            return update;
        }
        Map<String, String> copies = new LinkedHashMap<>(update.copies());
        Map<String, String> conversions = new LinkedHashMap<>(update.conversions());
        enumCasts.keySet().forEach(source -> copies.put(source, conversions.remove(source)));
        return new ColumnWrites.Update(update.table(), update.assigned(), Map.copyOf(copies), update.everyRow(),
                update.cleared(), update.rowsWithValueIn(), update.rowsWithoutValueIn(), Map.copyOf(conversions),
                update.derivations(), Map.copyOf(enumCasts), update.rowIndependent(), update.fixesChosenRows(),
                update.distinctPerRow());
    }

    /** How {@code update}, read by {@link #readAsCopies}, copied {@code source}, for a note; empty for a plain copy. */
    static String how(ColumnWrites.Update update, String source) {
        String type = update.conversions().containsKey(source) ? null : update.castTypes().get(source);
        return type == null ? "" : " by a cast to enum " + type + ", which keeps each value as it is or fails";
    }
}
