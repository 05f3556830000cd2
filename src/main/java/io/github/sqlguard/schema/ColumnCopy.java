package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;

/**
 * A column whose every value an UPDATE copied, unchanged, into another column of the same rows.
 *
 * @param target the key of the column holding the copy
 * @param description for a guard's note: {@code "values of total copied to total_new at line 2"}
 * @param databases where the UPDATE that copied them runs
 */
record ColumnCopy(String target, String description, DatabaseScope databases) {

    ColumnCopy retargeted(String newTarget) {
        return new ColumnCopy(newTarget, description, databases);
    }
}
