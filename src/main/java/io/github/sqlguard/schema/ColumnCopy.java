package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;

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
}
