package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A column whose every value an UPDATE copied into another column of the same rows: unchanged, or converted by a
 * cast ({@code SET n = CAST(c AS INT)}), which keeps only what the cast keeps.
 *
 * @param target the key of the column holding the copy
 * @param description for a guard's note: {@code "values of total copied to total_new at line 2"}
 * @param databases where the UPDATE that copied them runs
 * @param converted true when a cast converted the values on their way, so the copy may differ from them
 */
record ColumnCopy(String target, String description, DatabaseScope databases, boolean converted) {

    ColumnCopy retargeted(String newTarget) {
        return new ColumnCopy(newTarget, description, databases, converted);
    }

    /** True when the copy holds every value as it was. */
    boolean unchanged() {
        return !converted;
    }

    /**
     * True when the copy holds every value as it was on all of {@code databases}: one made on some databases only
     * keeps the values there, not on the others a later statement runs on.
     */
    boolean keepsEveryValueOn(DatabaseScope databases) {
        return unchanged() && this.databases.covers(databases);
    }

    /**
     * A guard of {@code kind} over the columns of {@code columns} whose every value {@code copies} (by column key)
     * keeps on all of {@code databases}, with where each went; empty when there is none.
     */
    static Optional<Guard> guardOf(Guard.Kind kind, List<String> columns, Map<String, ColumnCopy> copies,
            DatabaseScope databases) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (String column : columns) {
            ColumnCopy copy = copies.get(SchemaNames.key(column));
            if (copy != null && copy.keepsEveryValueOn(databases)) {
                notes.put(SchemaNames.key(column), copy.description());
            }
        }
        return notes.isEmpty() ? Optional.empty()
                : Optional.of(new Guard(kind, String.join("; ", notes.values()), notes));
    }
}
